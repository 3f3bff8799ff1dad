"""What the network queries share: the actors they start from, the kinds of tie they follow,
the time window and slice of projects they count, and the checks of their arguments.

A tie is a relationship of the graph that connects actors: a person working on a project, an
organization partner in a project, a member of an organization, an ACTIVE member of a
community. Which of them the viewer may see, and which count (no candidate partner, no
cancelled project), is one Cypher predicate per kind (`queries/network/tie_<kind>`); a walk's
statement holds the predicates of the kinds it follows, and checks nothing the others need
(a walk without community memberships never asks whether the viewer may see a community).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

import strawberry

from app import ids
from app.errors import BadUserInput
from schema.actors.types import ORGANIZATION, USER, Organization, User
from schema.loading import Conditions, NodeKind, fragment
from schema.node import Node


@strawberry.enum(description="A kind of tie between the actors of the network.")
class RelationKind(Enum):
    WORKS_ON = strawberry.enum_value("WORKS_ON", description="A person works on a project.")
    PARTNER_IN = strawberry.enum_value(
        "PARTNER_IN", description="An organization is a confirmed partner in a project.")
    MEMBER_OF_ORGANIZATION = strawberry.enum_value(
        "MEMBER_OF_ORGANIZATION", description="A person belongs to an organization.")
    MEMBER_OF_COMMUNITY = strawberry.enum_value(
        "MEMBER_OF_COMMUNITY", description="A person is an active member of a community.")


Member = TypeVar("Member", bound=Enum)

# The relationship type each kind of tie follows (code, never user text).
_TYPES = {RelationKind.WORKS_ON: "WORKS_ON", RelationKind.PARTNER_IN: "PARTNER_IN",
          RelationKind.MEMBER_OF_ORGANIZATION: "MEMBER_OF",
          RelationKind.MEMBER_OF_COMMUNITY: "MEMBER_OF"}
PROJECT_WINDOW = Conditions("network/project_window")
# What PROJECT_WINDOW and the tie rules count, for the descriptions of the queries using them.
WINDOW_DESCRIPTION = (
    "A project counts when its own [startDate, endDate] overlaps [since, until] (inclusive; "
    "either may be left open); cancelled projects and candidate partners never count.")


@dataclass(frozen=True)
class Actor:
    """A person or an organization a network query starts from: its node kind, the type
    that builds its object from loaded fields, and its id."""

    kind: NodeKind
    build: Callable[[dict[str, Any]], Node]
    node_id: str

    @property
    def is_organization(self) -> bool:
        return self.kind is ORGANIZATION


_ACTOR_KINDS: dict[str, tuple[NodeKind, Callable[[dict[str, Any]], Node]]] = {
    "User": (USER, User.from_fields), "Organization": (ORGANIZATION, Organization.from_fields)}


def actor(global_id: strawberry.ID, argument: str) -> Actor:
    """The actor a global ID names; BAD_USER_INPUT unless it is a person or an organization."""
    type_name, node_id = ids.parse(global_id)
    if type_name not in _ACTOR_KINDS:
        raise BadUserInput(f"{argument} must be the ID of a User or an Organization",
                           argument=argument)
    kind, build = _ACTOR_KINDS[type_name]
    return Actor(kind, build, node_id)


@dataclass(frozen=True)
class Ties:
    """The kinds of tie a walk may follow: the relationship types for its pattern and the
    predicate its steps pass."""

    kinds: tuple[RelationKind, ...]

    @classmethod
    def of(cls, via: list[RelationKind] | None) -> Ties:
        """The kinds asked for (all when `via` is null); BAD_USER_INPUT for an empty list."""
        return cls(in_enum_order(via, RelationKind, "via", "kind of tie"))

    @property
    def types(self) -> str:
        """The relationship types, as a pattern's type expression (`WORKS_ON|MEMBER_OF`)."""
        return "|".join(sorted({_TYPES[kind] for kind in self.kinds}))

    @property
    def predicate(self) -> str:
        """The tie predicate on a step `(x)-[r]-(y)`: a tie of one of the kinds, each by its
        own rule (`queries/network/tie_<kind>`)."""
        return _predicate(self.kinds)


@cache
def _predicate(kinds: tuple[RelationKind, ...]) -> str:
    return "(" + "\n  OR ".join(f"({fragment(f'network/tie_{kind.name.lower()}')})"
                                for kind in kinds) + ")"


def in_enum_order(asked: list[Member] | None, members: type[Member], argument: str,
                  what: str) -> tuple[Member, ...]:
    """The members of an enum an argument asks for (all when it is null), once each and in
    the enum's order whatever the order asked, so that each set renders one statement;
    BAD_USER_INPUT for an empty list."""
    if asked is not None and not asked:
        raise BadUserInput(f"{argument} must name at least one {what}", argument=argument)
    wanted = set(asked or members)
    return tuple(member for member in members if member in wanted)


def tie_kind(relationship_type: str, to_community: bool) -> RelationKind:
    """The kind of a tie read from the graph: its type, and for a membership whether it is
    one of a community."""
    if relationship_type == "MEMBER_OF":
        return (RelationKind.MEMBER_OF_COMMUNITY if to_community
                else RelationKind.MEMBER_OF_ORGANIZATION)
    return RelationKind(relationship_type)


def window(since: date | None, until: date | None) -> dict[str, date | None]:
    """The parameters of a time window; BAD_USER_INPUT when it ends before it starts."""
    if since is not None and until is not None and until < since:
        raise BadUserInput("until must not be before since", argument="until")
    return {"since": since, "until": until}


def bounded(value: int, low: int, high: int, argument: str) -> int:
    """`value` if it lies in [low, high]; BAD_USER_INPUT otherwise."""
    if not low <= value <= high:
        raise BadUserInput(f"{argument} must be between {low} and {high}", argument=argument)
    return value
