"""Relay connections: whole walks, ordering, filters, stable cursors and argument checks."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from app import ids
from app.db import Database
from tests.conftest import GraphQL, error_codes, run_test_cypher

USERS_PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $filter: UserFilter,
      $orderBy: UserOrder) {
  users(first: $first, after: $after, last: $last, before: $before, filter: $filter,
        orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id displayName createdAt province } }
  }
}
"""


async def walk(gql: GraphQL, query: str, field: str, size: int,
               **variables: Any) -> tuple[list[dict[str, Any]], int]:
    """Every node of a connection, page by page forward; and the totalCount it reported."""
    nodes: list[dict[str, Any]] = []
    after = None
    total = -1
    while True:
        data = await gql.data(query, first=size, after=after, **variables)
        connection = data[field]
        total = connection["totalCount"]
        nodes.extend(edge["node"] for edge in connection["edges"])
        assert len(connection["edges"]) <= size
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes, total
        after = connection["pageInfo"]["endCursor"]
        assert after == connection["edges"][-1]["cursor"]


async def test_walking_all_users_forward_has_no_duplicates_or_gaps(
        gql: GraphQL, db: Database) -> None:
    nodes, total = await walk(gql, USERS_PAGE, "users", 37)
    [expected] = await run_test_cypher(db, "count_users", province=None)
    assert total == expected["n"] == len(nodes)
    assert len({node["id"] for node in nodes}) == len(nodes)
    names = [node["displayName"] for node in nodes]
    assert names == sorted(names)


async def test_walking_backward_gives_the_same_items_in_reverse(gql: GraphQL) -> None:
    forward, _ = await walk(gql, USERS_PAGE, "users", 50)
    backward: list[dict[str, Any]] = []
    before = None
    while True:
        data = await gql.data(USERS_PAGE, last=41, before=before)
        connection = data["users"]
        backward[:0] = [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasPreviousPage"]:
            break
        before = connection["pageInfo"]["startCursor"]
    assert [node["id"] for node in backward] == [node["id"] for node in forward]


async def test_ordering_by_creation_time_descending_walks_every_user(
        gql: GraphQL, db: Database) -> None:
    order = {"field": "CREATED_AT", "direction": "DESC"}
    nodes, total = await walk(gql, USERS_PAGE, "users", 45, orderBy=order)
    assert len(nodes) == total == len({node["id"] for node in nodes})
    times = [node["createdAt"] for node in nodes]
    assert times == sorted(times, reverse=True)


async def test_organizations_by_founding_year_break_ties_by_id(gql: GraphQL) -> None:
    query = """
    query($first: Int, $after: String, $orderBy: OrganizationOrder) {
      organizations(first: $first, after: $after, orderBy: $orderBy) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id foundedYear } }
      }
    }"""
    nodes, total = await walk(gql, query, "organizations", 6,
                              orderBy={"field": "FOUNDED_YEAR"})
    assert len(nodes) == total == len({node["id"] for node in nodes})
    keys = [(node["foundedYear"] or 0, ids.parse(node["id"])[1]) for node in nodes]
    assert keys == sorted(keys)
    assert len({year for year, _ in keys}) < len(keys)  # there are ties to break


async def test_walking_backward_in_descending_time_order(gql: GraphQL) -> None:
    order = {"field": "CREATED_AT", "direction": "DESC"}
    forward, _ = await walk(gql, USERS_PAGE, "users", 60, orderBy=order)
    backward: list[dict[str, Any]] = []
    before = None
    while True:
        connection = (await gql.data(USERS_PAGE, last=33, before=before, orderBy=order))["users"]
        backward[:0] = [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasPreviousPage"]:
            break
        before = connection["pageInfo"]["startCursor"]
    assert [node["id"] for node in backward] == [node["id"] for node in forward]


async def test_cursors_only_work_in_the_ordering_they_came_from(gql: GraphQL) -> None:
    by_name = (await gql.data(USERS_PAGE, first=2))["users"]["pageInfo"]["endCursor"]
    by_time = (await gql.data(USERS_PAGE, first=2, orderBy={"field": "CREATED_AT"}))[
        "users"]["pageInfo"]["endCursor"]
    for cursor, order in ((by_name, {"field": "CREATED_AT"}), (by_time, None)):
        body = await gql(USERS_PAGE, first=2, after=cursor, orderBy=order)
        assert error_codes(body) == ["BAD_USER_INPUT"]
    organizations = "query($after: String) { organizations(after: $after) { totalCount } }"
    body = await gql(organizations, after=by_name)
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_total_count_is_computed_when_asked_through_a_fragment(gql: GraphQL) -> None:
    query = """
    fragment Counted on UserConnection { howMany: totalCount }
    { users(first: 1) { ...Counted } all: users(first: 2) { edges { cursor } } }"""
    data = await gql.data(query)
    assert data["users"]["howMany"] > 2
    assert len(data["all"]["edges"]) == 2


async def test_province_filter_matches_the_graph(gql: GraphQL, db: Database) -> None:
    nodes, total = await walk(gql, USERS_PAGE, "users", 100, filter={"province": "BERGAMO"})
    [expected] = await run_test_cypher(db, "count_users", province="BERGAMO")
    assert total == expected["n"] == len(nodes) > 0
    assert {node["province"] for node in nodes} == {"BERGAMO"}


async def test_competence_filter_includes_narrower_competences(
        gql: GraphQL, db: Database) -> None:
    [top] = await run_test_cypher(db, "top_competence_with_deep_skills")
    competence = ids.encode("Competence", top["id"])
    nodes, total = await walk(gql, USERS_PAGE, "users", 100, filter={"competence": competence})
    [expected] = await run_test_cypher(db, "count_users_skilled_under", competence=top["id"])
    assert total == expected["n"] == len(nodes) > 0


MEMBERS_PAGE = """
query($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Organization {
      members(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor role node { id displayName } }
      }
    }
  }
}
"""


async def test_cursors_survive_inserts(gql: GraphQL, db: Database) -> None:
    probe = f"pagination-{uuid.uuid4()}"
    organization = str(uuid.uuid4())
    members = [{"id": str(uuid.uuid4()), "handle": f"{probe}-{letter}",
                "displayName": f"Member {letter}"} for letter in "BDFHJLNP"]
    await run_test_cypher(db, "create_probe_organization", organization=organization,
                          name=probe, probe=probe, members=members)
    try:
        global_id = ids.encode("Organization", organization)
        first = (await gql.data(MEMBERS_PAGE, id=global_id, first=3))["node"]["members"]
        assert [edge["node"]["displayName"] for edge in first["edges"]] == [
            "Member B", "Member D", "Member F"]
        for letter in "AE":  # one before the cursor, one after it
            await run_test_cypher(db, "add_probe_member", organization=organization,
                                  id=str(uuid.uuid4()), handle=f"{probe}-{letter}",
                                  displayName=f"Member {letter}")
        # The cursor stays valid even when the item it points to is gone.
        await run_test_cypher(db, "delete_user", id=members[2]["id"])
        after = first["pageInfo"]["endCursor"]
        rest = (await gql.data(MEMBERS_PAGE, id=global_id, first=100, after=after))
        names = [edge["node"]["displayName"] for edge in rest["node"]["members"]["edges"]]
        assert names == ["Member H", "Member J", "Member L", "Member N", "Member P"]
        assert rest["node"]["members"]["totalCount"] == 9
    finally:
        await run_test_cypher(db, "delete_probe", probe=probe)


def forge(parts: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(parts).encode()).decode()


async def test_page_arguments_are_checked(gql: GraphQL) -> None:
    forged = (await gql.data(USERS_PAGE, first=1))["users"]["pageInfo"]["endCursor"]
    tag = json.loads(base64.urlsafe_b64decode(forged + "=" * (-len(forged) % 4)))[0]
    cases: list[dict[str, Any]] = [
        {"first": 101}, {"first": -1}, {"last": 500}, {"first": 2, "last": 2},
        {"first": 2, "after": "not-a-cursor"}, {"last": 2, "before": "%%%"},
        {"first": 2, "before": forged}, {"last": 2, "after": forged},
        {"first": 2, "after": forge(["x", 1, "y"])},
        {"first": 2, "after": forge([tag, 99999999999999999999, "y"])},
        {"first": 2, "after": forge([tag, True, "y"])},
    ]
    for variables in cases:
        body = await gql(USERS_PAGE, **variables)
        assert error_codes(body) == ["BAD_USER_INPUT"], variables
        assert body["data"] is None


async def test_default_page_size_is_twenty(gql: GraphQL) -> None:
    data = await gql.data(USERS_PAGE)
    assert len(data["users"]["edges"]) == 20
    assert data["users"]["pageInfo"]["hasNextPage"] is True
    assert data["users"]["pageInfo"]["hasPreviousPage"] is False
