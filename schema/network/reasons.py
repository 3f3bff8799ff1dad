"""The reasons of a recommendation: the facts a recommendation statement read, each turned into
a kind, a sentence and the nodes it names.

A fact is a map written by the statement (`queries/network/recommend_*`), with its `kind` and
the nodes it names as small maps (`{id, name}` and the like). Each kind of recommendation has
its own sentences, since the same kind of fact reads differently of a proposal ("Seeks Additive
manufacturing, one of your skills") and of a person ("Also skilled in Additive manufacturing").
S3 areas are named by their official (Italian) names, competences by their English ones.

    >>> partner_reason({"kind": "COMPETENCE", "wanted": {"id": "w", "name": "Robotics"},
    ...                 "held": {"id": "w", "name": "Robotics"}, "distinctive": False}).text
    'Holds Robotics'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry

Fact = Mapping[str, Any]


@strawberry.enum(description="What a reason of a recommendation rests on.")
class RecommendationReasonKind(Enum):
    COMPETENCE = strawberry.enum_value(
        "COMPETENCE", description="The organization holds a competence the proposal seeks, or "
        "a narrower one.")
    AREA_COLLABORATION = strawberry.enum_value(
        "AREA_COLLABORATION", description="The organization was a partner in a project tagged "
        "with one of the proposal's S3 areas.")
    PROPOSER_PARTNER = strawberry.enum_value(
        "PROPOSER_PARTNER", description="The organization was a partner in a project of the "
        "proposer (of the organization that made the proposal, or one its author belongs to, "
        "or one its author works on).")
    PROPOSER_NETWORK = strawberry.enum_value(
        "PROPOSER_NETWORK", description="The organization was a partner of a partner in a "
        "project of the proposer.")
    SKILL = strawberry.enum_value(
        "SKILL", description="A skill of the viewer: the proposal seeks it (or a broader "
        "competence), or the person has it too.")
    ORGANIZATION_COMPETENCE = strawberry.enum_value(
        "ORGANIZATION_COMPETENCE", description="An organization of the viewer holds a "
        "competence the proposal seeks, or a narrower one.")
    INTEREST = strawberry.enum_value(
        "INTEREST", description="An interest of the viewer (an S3 area or a competence): the "
        "proposal is tagged with it or seeks it, the community focuses on it, or the person "
        "shares it.")
    PROJECT = strawberry.enum_value(
        "PROJECT", description="A project of the viewer: the person works on it too, or the "
        "community focuses on its S3 area.")
    FOLLOWED_MEMBERS = strawberry.enum_value(
        "FOLLOWED_MEMBERS", description="People the viewer follows are active members of the "
        "community.")


@dataclass(frozen=True)
class ReasonFacts:
    """One reason as read: its kind, its sentence, and the nodes it names, each as the
    registered type name and node id (resolved, and checked against the viewer's access, when
    asked for)."""

    kind: RecommendationReasonKind
    text: str
    related: tuple[tuple[str, str], ...]


def _project(fact: Fact) -> str:
    project = fact["project"]
    return str(project.get("acronym") or project["title"])


def _in_year(project: Mapping[str, Any]) -> str:
    """` in 2022`, the year a project started, or nothing when it has no start date."""
    start = project.get("startDate")
    return f" in {start.year}" if start is not None else ""


def _reason(kind: str, text: str, *related: tuple[str, Mapping[str, Any] | None]) -> ReasonFacts:
    return ReasonFacts(RecommendationReasonKind(kind), text,
                       tuple((type_name, node["id"]) for type_name, node in related if node))


def _competence_within(fact: Fact, own: str) -> tuple[str, bool]:
    """The name of the competence `own` of a fact, and whether it is the one sought."""
    return fact[own]["name"], fact[own]["id"] == fact["wanted"]["id"]


def partner_reason(fact: Fact) -> ReasonFacts:
    """Why an organization is suggested as a partner for a proposal."""
    kind = fact["kind"]
    if kind == "COMPETENCE":
        held, same = _competence_within(fact, "held")
        text = f"Holds {held}" + ("" if same else f", within {fact['wanted']['name']}")
        text += " (a distinctive competence)" if fact["distinctive"] else ""
        return _reason(kind, text, ("Competence", fact["held"]),
                       ("Competence", None if same else fact["wanted"]))
    if kind == "AREA_COLLABORATION":
        return _reason(kind, f"Partner in {_project(fact)} on {fact['area']['nameIt']}"
                       f"{_in_year(fact['project'])}",
                       ("Project", fact["project"]), ("S3Area", fact["area"]))
    if kind == "PROPOSER_PARTNER":
        year = _in_year(fact["project"])
        if fact.get("organization"):
            return _reason(kind, f"Partnered with {fact['organization']['name']} on "
                           f"{_project(fact)}{year}", ("Organization", fact["organization"]),
                           ("Project", fact["project"]))
        return _reason(kind, f"Partner in {_project(fact)}{year}, which "
                       f"{fact['person']['displayName']} works on",
                       ("Project", fact["project"]), ("User", fact["person"]))
    other = fact["other"]
    return _reason(kind, f"Partnered with {fact['bridge']['name']} on {_project(fact)}"
                   f"{_in_year(fact['project'])}, a partner of the proposer in "
                   f"{other.get('acronym') or other['title']}",
                   ("Organization", fact["bridge"]), ("Project", fact["project"]),
                   ("Project", other))


def proposal_reason(fact: Fact) -> ReasonFacts:
    """Why a proposal is recommended to the viewer."""
    kind = fact["kind"]
    if kind == "INTEREST" and fact.get("area"):
        return _reason(kind, f"Tagged with {fact['area']['nameIt']}, which interests you",
                       ("S3Area", fact["area"]))
    wanted = fact["wanted"]["name"]
    if kind == "ORGANIZATION_COMPETENCE":
        held, same = _competence_within(fact, "held")
        organization = fact["organization"]["name"]
        text = (f"Seeks {wanted}, which {organization} holds" if same
                else f"Seeks {wanted}; {organization} holds {held}")
        return _reason(kind, text, ("Competence", fact["wanted"]),
                       ("Organization", fact["organization"]),
                       ("Competence", None if same else fact["held"]))
    own, same = _competence_within(fact, "own")
    if kind == "SKILL":
        text = (f"Seeks {wanted}, one of your skills" if same
                else f"Seeks {wanted}; you are skilled in {own}")
    else:
        text = (f"Seeks {wanted}, which interests you" if same
                else f"Seeks {wanted}; you are interested in {own}")
    return _reason(kind, text, ("Competence", fact["wanted"]),
                   ("Competence", None if same else fact["own"]))


def community_reason(fact: Fact) -> ReasonFacts:
    """Why a community is recommended to the viewer."""
    kind = fact["kind"]
    if kind == "INTEREST":
        return _reason(kind, f"Focuses on {fact['area']['nameIt']}, which interests you",
                       ("S3Area", fact["area"]))
    if kind == "PROJECT":
        return _reason(kind, f"Focuses on {fact['area']['nameIt']}, like your project "
                       f"{_project(fact)}", ("S3Area", fact["area"]),
                       ("Project", fact["project"]))
    people = fact["people"]
    return _reason(kind, _followed_members([person["displayName"] for person in people],
                                           fact["count"]),
                   *(("User", person) for person in people))


def _followed_members(names: list[str], count: int) -> str:
    """`A, whom you follow, is a member`; `A and B, whom…`; `A, B and 3 more people you…`."""
    if count == 1:
        return f"{names[0]}, whom you follow, is a member"
    if count == len(names):
        return f"{', '.join(names[:-1])} and {names[-1]}, whom you follow, are members"
    more = count - len(names)
    return f"{', '.join(names)} and {more} more people you follow are members"


def person_reason(fact: Fact) -> ReasonFacts:
    """Why a person is recommended to the viewer to follow."""
    kind = fact["kind"]
    if kind == "PROJECT":
        return _reason(kind, f"Works with you on {_project(fact)}", ("Project", fact["project"]))
    if fact.get("area"):
        return _reason(kind, f"Also interested in {fact['area']['nameIt']}",
                       ("S3Area", fact["area"]))
    name = fact["competence"]["name"]
    text = f"Also skilled in {name}" if kind == "SKILL" else f"Also interested in {name}"
    return _reason(kind, text, ("Competence", fact["competence"]))


def reasons(facts: list[Fact], explain: Callable[[Fact], ReasonFacts]) -> list[ReasonFacts]:
    """The reasons of a recommendation, in the order of their kinds (as the enum lists them),
    then alphabetically."""
    order = {kind: number for number, kind in enumerate(RecommendationReasonKind)}
    return sorted((explain(fact) for fact in facts),
                  key=lambda reason: (order[reason.kind], reason.text))
