"""Dataloaders: a request's Cypher round trips follow the query's depth, not its results."""

from __future__ import annotations

from tests.conftest import GraphQL

THREE_LEVELS = """
query($size: Int!) {
  organizations(first: $size) {
    edges { node { name
      members(first: $size) { totalCount edges { role node { displayName
        skills(first: $size) { edges { level node { name broader { name } } } }
      } } }
    } }
  }
}
"""


async def round_trips(gql: GraphQL, size: int) -> tuple[int, int]:
    """Round trips of the three-level query at a page size, and the objects it returned."""
    body = await gql(THREE_LEVELS, size=size)
    assert "errors" not in body, body
    objects = 0
    for organization in body["data"]["organizations"]["edges"]:
        objects += 1
        for member in organization["node"]["members"]["edges"]:
            objects += 1 + len(member["node"]["skills"]["edges"])
    trips: int = body["extensions"]["cypher"]["roundTrips"]
    return trips, objects


async def test_round_trips_do_not_grow_with_page_size(gql: GraphQL) -> None:
    small_trips, small_objects = await round_trips(gql, 5)
    large_trips, large_objects = await round_trips(gql, 50)
    assert large_objects > 5 * small_objects
    # organizations, members, skills, broader competences: one round trip per level
    assert small_trips == large_trips == 4
