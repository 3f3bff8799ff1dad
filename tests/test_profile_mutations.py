"""updateProfile, setInterests, setSkills: a person changes their own profile only."""

from __future__ import annotations

import uuid
from typing import Any

from app import ids
from app.db import Database
from tests.actor_probe import ActorProbe, actors
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher

__all__ = ["actors"]

PROFILE = """
fragment Profile on User {
  id displayName headline bio locale province
  interestAreas(first: 50) { edges { node { id } } }
  interestCompetences(first: 50) { edges { node { id } } }
  skills(first: 60) { edges { level node { id } } }
}"""

UPDATE = PROFILE + """
mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { user { ...Profile } userErrors { field code } }
}"""

INTERESTS = PROFILE + """
mutation($areas: [ID!]!, $competences: [ID!]!) {
  setInterests(input: {s3Areas: $areas, competences: $competences}) {
    user { ...Profile } userErrors { field code }
  }
}"""

SKILLS = PROFILE + """
mutation($skills: [SkillInput!]!) {
  setSkills(input: {skills: $skills}) { user { ...Profile } userErrors { field code } }
}"""

READ = PROFILE + """
query($id: ID!) { node(id: $id) { ...Profile } }"""


async def _areas(db: Database) -> list[str]:
    return [ids.encode("S3Area", row["id"]) for row in await run_test_cypher(db, "some_s3_areas")]


async def _competences(db: Database, count: int) -> list[str]:
    rows = await run_test_cypher(db, "some_competences", count=count)
    return [ids.encode("Competence", row["id"]) for row in rows]


def _ids(connection: dict[str, Any]) -> list[str]:
    return sorted(edge["node"]["id"] for edge in connection["edges"])


async def test_a_person_changes_only_the_fields_named(as_viewer: AsViewer,
                                                      actors: ActorProbe) -> None:
    viewer = as_viewer(actors.people["member"])
    changed = await viewer.data(UPDATE, input={
        "displayName": "  Giulia Rossi ", "headline": "Ricercatrice", "province": "PAVIA"})
    user = changed["updateProfile"]["user"]
    assert changed["updateProfile"]["userErrors"] == []
    assert (user["displayName"], user["headline"], user["province"], user["locale"]) == (
        "Giulia Rossi", "Ricercatrice", "PAVIA", "it")
    cleared = await viewer.data(UPDATE, input={"province": None, "bio": "Bio", "locale": "en"})
    user = cleared["updateProfile"]["user"]
    assert (user["displayName"], user["province"], user["bio"], user["locale"]) == (
        "Giulia Rossi", None, "Bio", "en")


async def test_each_invalid_profile_field_is_named_and_nothing_changes(
        as_viewer: AsViewer, actors: ActorProbe) -> None:
    viewer = as_viewer(actors.people["other"])
    before = (await viewer.data(READ, id=actors.user("other")))["node"]
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"displayName": "G"}, "displayName", "TOO_SHORT"),
        ({"displayName": "G" * 81}, "displayName", "TOO_LONG"),
        ({"displayName": None}, "displayName", "REQUIRED"),
        ({"headline": "h" * 161}, "headline", "TOO_LONG"),
        ({"bio": "b" * 5001}, "bio", "TOO_LONG"),
        ({"locale": "fr"}, "locale", "INVALID"),
    ]
    for given, field, code in cases:
        answer = await viewer.data(UPDATE, input={"headline": "Changed", **given})
        assert answer["updateProfile"] == {
            "user": None, "userErrors": [{"field": field, "code": code}]}, given
    assert (await viewer.data(READ, id=actors.user("other")))["node"] == before
    body = await viewer(UPDATE, input={"province": "ROMA"})  # not one of Lombardy's provinces
    assert body["data"] is None and body["errors"]


async def test_interests_replace_the_present_ones(as_viewer: AsViewer, actors: ActorProbe,
                                                  db: Database) -> None:
    viewer = as_viewer(actors.people["member"])
    areas, competences = await _areas(db), await _competences(db, 4)
    first = await viewer.data(INTERESTS, areas=areas[:2], competences=competences[:3])
    user = first["setInterests"]["user"]
    assert _ids(user["interestAreas"]) == sorted(areas[:2])
    assert _ids(user["interestCompetences"]) == sorted(competences[:3])
    second = await viewer.data(INTERESTS, areas=areas[2:], competences=competences[3:])
    user = second["setInterests"]["user"]
    assert _ids(user["interestAreas"]) == sorted(areas[2:])
    assert _ids(user["interestCompetences"]) == sorted(competences[3:])


async def test_interests_are_limited_checked_and_left_unchanged_on_error(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    viewer = as_viewer(actors.people["outsider"])
    areas, competences = await _areas(db), await _competences(db, 28)
    await viewer.data(INTERESTS, areas=areas[:1], competences=competences[:1])
    before = (await viewer.data(READ, id=actors.user("outsider")))["node"]
    too_many = await viewer.data(INTERESTS, areas=areas, competences=competences)
    assert too_many["setInterests"]["userErrors"] == [{"field": None, "code": "TOO_MANY"}]
    missing = ids.encode("Competence", str(uuid.uuid4()))
    unknown = await viewer.data(INTERESTS, areas=areas[1:], competences=[competences[2], missing])
    assert unknown["setInterests"] == {
        "user": None, "userErrors": [{"field": "competences.1", "code": "NOT_FOUND"}]}
    twice = await viewer.data(INTERESTS, areas=[areas[0], areas[0]], competences=[])
    assert twice["setInterests"]["userErrors"] == [{"field": "s3Areas.1", "code": "INVALID"}]
    assert (await viewer.data(READ, id=actors.user("outsider")))["node"] == before
    wrong_type = await viewer(INTERESTS, areas=[competences[0]], competences=[])
    assert error_codes(wrong_type) == ["BAD_USER_INPUT"]


async def test_skills_replace_the_present_ones_with_their_levels(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    viewer = as_viewer(actors.people["admin"])
    competences = await _competences(db, 3)
    await viewer.data(SKILLS, skills=[{"competence": competences[0], "level": "BASIC"},
                                      {"competence": competences[1], "level": "EXPERT"}])
    answer = await viewer.data(SKILLS, skills=[
        {"competence": competences[1], "level": "ADVANCED"},
        {"competence": competences[2], "level": "BASIC"}])
    skills = answer["setSkills"]["user"]["skills"]["edges"]
    assert sorted((edge["node"]["id"], edge["level"]) for edge in skills) == sorted(
        [(competences[1], "ADVANCED"), (competences[2], "BASIC")])
    missing = ids.encode("Competence", str(uuid.uuid4()))
    refused = await viewer.data(SKILLS, skills=[
        {"competence": competences[0], "level": "BASIC"},
        {"competence": missing, "level": "BASIC"}])
    assert refused["setSkills"] == {
        "user": None, "userErrors": [{"field": "skills.1.competence", "code": "NOT_FOUND"}]}
    too_many = await viewer.data(SKILLS, skills=[
        {"competence": ids.encode("Competence", str(uuid.uuid4())), "level": "BASIC"}] * 51)
    assert too_many["setSkills"]["userErrors"] == [{"field": "skills", "code": "TOO_MANY"}]
    after = (await viewer.data(READ, id=actors.user("admin")))["node"]["skills"]["edges"]
    assert sorted(edge["node"]["id"] for edge in after) == sorted(competences[1:])


async def test_profiles_need_a_signed_in_person(gql: GraphQL) -> None:
    for query, variables in ((UPDATE, {"input": {"headline": "x"}}),
                             (INTERESTS, {"areas": [], "competences": []}),
                             (SKILLS, {"skills": []})):
        body = await gql(query, **variables)
        assert error_codes(body) == ["UNAUTHENTICATED"] and body["data"] is None
