"""Communities, their members, sub-communities and followers, and follows of people and
organizations: every connection walked both ways against the probe graph's ground truth, the
figures against the items they count, CLOSED communities and the content of RESERVED ones out
of an anonymous visitor's sight."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest_asyncio

from app.db import Database
from tests.community_graph import (
    ProbeGraph,
    at,
    gid,
    nested_query,
    ordered_ids,
    probe_graph,
    top_level_query,
)
from tests.conftest import GraphQL, error_codes, run_test_cypher
from tests.connections import plain_ids, walk

Item = dict[str, Any]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[ProbeGraph]:
    async with probe_graph(db) as created:
        yield created


COMMUNITIES = top_level_query("communities", {"filter": "CommunityFilter",
                                              "orderBy": "CommunityOrder"})


def _name(item: Item) -> Any:
    return item["name"]


async def test_communities_walk_with_every_filter(gql: GraphQL, graph: ProbeGraph) -> None:
    area, other_area = (a["id"] for a in graph.areas)
    alpha, gamma, omega = (graph.communities[key] for key in ("alpha", "gamma", "omega"))
    mine = {"nameContains": graph.probe}
    cases: list[tuple[dict[str, Any], Callable[[Item], bool]]] = [
        (mine, lambda c: True),
        ({"nameContains": f"{graph.probe.upper()} beta"}, lambda c: c["name"].endswith("Beta")),
        ({**mine, "kinds": ["THEMATIC_S3", "INTEREST"]},
         lambda c: c["kind"] in ("THEMATIC_S3", "INTEREST")),
        ({**mine, "access": ["OPEN"]}, lambda c: c["access"] == "OPEN"),
        ({**mine, "access": ["RESERVED", "CLOSED"]}, lambda c: c["access"] == "RESERVED"),
        ({"s3Area": gid("S3Area", graph.areas[0])}, lambda c: area in c["areas"]),
        ({"s3Area": gid("S3Area", graph.areas[1]), "kinds": ["THEMATIC_S3"]},
         lambda c: other_area in c["areas"] and c["kind"] == "THEMATIC_S3"),
        ({"parent": gid("Community", alpha)}, lambda c: c["parent"] == alpha["id"]),
        ({"parent": gid("Community", gamma)}, lambda c: c["parent"] == gamma["id"]),
        # A hidden parent reads as one that does not exist.
        ({"parent": gid("Community", omega)}, lambda c: False),
    ]
    for chosen, keep in cases:
        expected = ordered_ids([c for c in graph.visible_communities() if keep(c)], _name)
        assert plain_ids(await walk(gql, *COMMUNITIES, filter=chosen)) == expected, chosen
    assert len(plain_ids(await walk(gql, *COMMUNITIES, filter=mine))) == 8


async def test_communities_walk_in_every_order(gql: GraphQL, graph: ProbeGraph) -> None:
    keys: dict[str, Callable[[Item], Any]] = {
        "NAME": _name,
        "CREATED_AT": lambda c: c["createdAt"],
        "MEMBER_COUNT": lambda c: len(graph.active_members(c["id"])),
    }
    for field, key in keys.items():
        for direction in ("ASC", "DESC"):
            expected = ordered_ids(graph.visible_communities(), key, direction == "DESC")
            found = plain_ids(await walk(gql, *COMMUNITIES, size=3,
                                         filter={"nameContains": graph.probe},
                                         orderBy={"field": field, "direction": direction}))
            assert found == expected, (field, direction)


async def test_all_communities_are_the_open_and_reserved_ones_of_the_graph(
        gql: GraphQL, db: Database, graph: ProbeGraph) -> None:
    [expected] = await run_test_cypher(db, "count_visible_content")
    found = plain_ids(await walk(gql, *COMMUNITIES, size=100))
    assert len(found) == expected["communities"] >= len(graph.visible_communities())
    hidden = {c["id"] for c in graph.hidden_communities()}
    assert hidden.isdisjoint(found)


COMMUNITY = """
query($id: ID!) {
  node(id: $id) {
    ... on Community {
      name description kind access createdAt parent { id }
      memberCount discussionCount subCommunityCount followerCount
      members { totalCount } discussions { totalCount } subCommunities { totalCount }
      followers { totalCount }
    }
  }
}
"""


async def test_community_fields_and_figures_agree_with_the_items(
        gql: GraphQL, graph: ProbeGraph) -> None:
    for community in graph.visible_communities():
        found = (await gql.data(COMMUNITY, id=gid("Community", community)))["node"]
        children = [c for c in graph.visible_communities() if c["parent"] == community["id"]]
        parent = graph.community_of(community["parent"]) if community["parent"] else None
        discussions = [d for d in graph.discussions if d["community"] == community["id"]]
        assert found["name"] == community["name"]
        assert found["kind"] == community["kind"]
        assert found["access"] == community["access"]
        assert found["createdAt"].startswith(community["createdAt"].strftime("%Y-%m-%dT%H:%M"))
        assert found["parent"] == (
            {"id": gid("Community", parent)}
            if parent and graph.community_visible(parent) else None)
        # the figures are public; a RESERVED community's members and discussions are not
        shown = graph.content_visible(community)
        assert found["memberCount"] == len(graph.active_members(community["id"]))
        assert found["members"]["totalCount"] == (found["memberCount"] if shown else 0)
        assert found["discussionCount"] == len(discussions)
        assert found["discussions"]["totalCount"] == (len(discussions) if shown else 0)
        assert found["subCommunityCount"] == found["subCommunities"]["totalCount"] == len(
            children)
        assert found["followerCount"] == found["followers"]["totalCount"] == len(
            graph.followers_of(community["id"]))


async def test_community_areas_and_sub_communities_walk(gql: GraphQL, graph: ProbeGraph) -> None:
    areas = nested_query("Community", "s3Areas", {})
    subs = nested_query("Community", "subCommunities", {})
    for community in graph.visible_communities():
        community_id = gid("Community", community)
        focus = [a for a in graph.areas if a["id"] in community["areas"]]
        assert plain_ids(await walk(gql, *areas, size=1, id=community_id)) == ordered_ids(
            focus, lambda a: a["code"])
        children = [c for c in graph.visible_communities() if c["parent"] == community["id"]]
        assert plain_ids(await walk(gql, *subs, id=community_id)) == ordered_ids(children, _name)
    gamma = graph.communities["gamma"]["id"]  # RESERVED: visible
    alpha = plain_ids(await walk(gql, *subs, id=gid("Community", graph.communities["alpha"])))
    assert gamma in alpha and len(alpha) == 4


MEMBERS = nested_query("Community", "members", {"filter": "MembershipFilter"})


async def test_members_walk_with_every_filter_and_only_active_ones_show(
        gql: GraphQL, graph: ProbeGraph) -> None:
    cases: list[tuple[dict[str, Any] | None, Callable[[Item], bool]]] = [
        (None, lambda m: True),
        ({"roles": ["MANAGER"]}, lambda m: m["role"] == "MANAGER"),
        ({"roles": ["PARTICIPANT"]}, lambda m: m["role"] == "PARTICIPANT"),
        ({"statuses": None}, lambda m: True),
        ({"statuses": ["ACTIVE", "INVITED"], "roles": ["PARTICIPANT", "MANAGER"]},
         lambda m: True),
        # Requested, invited and rejected memberships are not visible to anonymous visitors.
        ({"statuses": ["REQUESTED", "INVITED", "REJECTED"]}, lambda m: False),
    ]
    for community in graph.visible_communities():
        for chosen, keep in cases:
            members = [graph.user(m["user"]) for m in graph.active_members(community["id"])
                       if keep(m) and graph.content_visible(community)]
            found = plain_ids(await walk(gql, *MEMBERS, id=gid("Community", community),
                                         filter=chosen))
            assert found == ordered_ids(members, lambda u: u["displayName"]), chosen
    alpha = graph.communities["alpha"]
    statuses = {m["status"] for m in graph.memberships if m["community"] == alpha["id"]}
    assert statuses == {"ACTIVE", "REQUESTED", "INVITED", "REJECTED"}


MEMBER_EDGES = """
query($id: ID!) {
  node(id: $id) { ... on Community { members(first: 100) {
    edges { role status since node { id } } } } }
}
"""


async def test_member_edges_carry_role_status_and_since(gql: GraphQL, graph: ProbeGraph) -> None:
    alpha = graph.communities["alpha"]
    data = await gql.data(MEMBER_EDGES, id=gid("Community", alpha))
    found = {edge["node"]["id"]: (edge["role"], edge["status"], edge["since"])
             for edge in data["node"]["members"]["edges"]}
    assert found == {gid("User", graph.user(m["user"])): (m["role"], m["status"],
                                                           m["since"].isoformat())
                     for m in graph.active_members(alpha["id"])}


COMMUNITY_DISCUSSIONS = nested_query("Community", "discussions", {
    "filter": "CommunityDiscussionFilter", "orderBy": "DiscussionOrder"})
DISCUSSION_KEYS: dict[str, Callable[[Item], Any]] = {
    "LATEST_ACTIVITY": lambda d: d["lastActivityAt"],
    "CREATED_AT": lambda d: d["createdAt"],
    "TITLE": lambda d: d["title"],
}


def authored_by(user_id: str) -> Callable[[Item], bool]:
    """Whether a discussion was started by the person `user_id`."""
    return lambda discussion: bool(discussion["author"] == user_id)


async def test_community_discussions_walk_with_every_filter_and_order(
        gql: GraphQL, graph: ProbeGraph) -> None:
    middle = at(35)
    for community in graph.visible_communities():
        held = [d for d in graph.discussions if d["community"] == community["id"]
                and graph.content_visible(community)]
        author = graph.user(held[0]["author"]) if held else graph.users[0]
        cases: list[tuple[dict[str, Any] | None, Callable[[Item], bool]]] = [
            (None, lambda d: True),
            ({"author": gid("User", author)}, authored_by(author["id"])),
            ({"createdAfter": middle.isoformat()}, lambda d: d["createdAt"] >= middle),
            ({"createdBefore": middle.isoformat()}, lambda d: d["createdAt"] < middle),
            ({"createdAfter": at(25).isoformat(), "createdBefore": at(40).isoformat()},
             lambda d: at(25) <= d["createdAt"] < at(40)),
        ]
        community_id = gid("Community", community)
        for chosen, keep in cases:
            expected = ordered_ids([d for d in held if keep(d)], DISCUSSION_KEYS[
                "LATEST_ACTIVITY"], descending=True)
            found = plain_ids(await walk(gql, *COMMUNITY_DISCUSSIONS, id=community_id,
                                         filter=chosen))
            assert found == expected, chosen
        for field, key in DISCUSSION_KEYS.items():
            for direction in ("ASC", "DESC"):
                found = plain_ids(await walk(gql, *COMMUNITY_DISCUSSIONS, size=3, id=community_id,
                                             orderBy={"field": field, "direction": direction}))
                assert found == ordered_ids(held, key, direction == "DESC"), (field, direction)


USER_COMMUNITIES = nested_query("User", "communities", {"filter": "MembershipFilter"})
USER_MEMBERSHIP_EDGES = """
query($id: ID!) {
  node(id: $id) { ... on User { communities(first: 100) {
    edges { role status since node { id } } } } }
}
"""


async def test_a_person_s_communities_are_the_visible_active_ones(
        gql: GraphQL, graph: ProbeGraph) -> None:
    cases: list[tuple[dict[str, Any] | None, Callable[[Item], bool]]] = [
        (None, lambda m: m["status"] == "ACTIVE"),
        ({"roles": ["MANAGER"]}, lambda m: m["status"] == "ACTIVE" and m["role"] == "MANAGER"),
        ({"roles": ["PARTICIPANT"], "statuses": None},
         lambda m: m["status"] == "ACTIVE" and m["role"] == "PARTICIPANT"),
        ({"statuses": ["REQUESTED", "INVITED"]}, lambda m: False),
    ]
    for user in graph.users:
        for chosen, keep in cases:
            communities = [graph.community_of(m["community"]) for m in graph.memberships
                           if m["user"] == user["id"] and keep(m)]
            visible = [c for c in communities if graph.content_visible(c)]
            found = plain_ids(await walk(gql, *USER_COMMUNITIES, id=gid("User", user),
                                         filter=chosen))
            assert found == ordered_ids(visible, _name), (user["displayName"], chosen)
    first = graph.users[0]  # an active member of a RESERVED and of a CLOSED community
    data = await gql.data(USER_MEMBERSHIP_EDGES, id=gid("User", first))
    found_edges = {edge["node"]["id"]: (edge["role"], edge["status"], edge["since"])
                   for edge in data["node"]["communities"]["edges"]}
    expected_edges = {
        gid("Community", graph.community_of(m["community"])): (
            m["role"], m["status"], m["since"].isoformat())
        for m in graph.memberships
        if m["user"] == first["id"] and m["status"] == "ACTIVE"
        and graph.content_visible(graph.community_of(m["community"]))}
    assert found_edges == expected_edges
    hidden = {gid("Community", c) for c in graph.hidden_communities()}
    assert len(expected_edges) == 2 and hidden.isdisjoint(found_edges)


def _since(follow: Item) -> Any:
    return follow["since"]


def _followers(graph: ProbeGraph, target_id: str) -> list[str]:
    follows = [{"id": f["user"], "since": f["since"]} for f in graph.followers_of(target_id)]
    return ordered_ids(follows, _since, descending=True)


async def test_followers_walk_and_agree_with_follower_counts(
        gql: GraphQL, graph: ProbeGraph) -> None:
    targets: list[tuple[str, Item]] = [
        *(("User", user) for user in graph.users),
        *(("Organization", organization) for organization in graph.organizations),
        *(("Community", community) for community in graph.visible_communities()),
        *(("Proposal", proposal) for proposal in graph.proposals.values()
          if proposal["status"] == "PUBLISHED"),
        *(("Project", project) for project in graph.projects.values())]
    for type_name, target in targets:
        query = nested_query(type_name, "followers", {})
        found = plain_ids(await walk(gql, *query, id=gid(type_name, target)))
        assert found == _followers(graph, target["id"]), (type_name, target["id"])
        count = f"query($id: ID!) {{ node(id: $id) {{ ... on {type_name} {{ followerCount }} }} }}"
        assert (await gql.data(count, id=gid(type_name, target)))["node"]["followerCount"] == len(
            found)
    assert len(_followers(graph, graph.users[0]["id"])) == 4
    assert len(_followers(graph, graph.proposals["PUBLISHED"]["id"])) == 4
    assert len(_followers(graph, graph.projects["one"]["id"])) == 3


FOLLOWER_EDGES = """
query($id: ID!) { node(id: $id) { ... on Organization { followers(first: 100) {
  edges { since node { id } } } } } }
"""


async def test_follower_edges_carry_since(gql: GraphQL, graph: ProbeGraph) -> None:
    organization = graph.organizations[0]
    data = await gql.data(FOLLOWER_EDGES, id=gid("Organization", organization))
    found = [(edge["node"]["id"], edge["since"]) for edge in data["node"]["followers"]["edges"]]
    follows = sorted(graph.followers_of(organization["id"]),
                     key=lambda f: (f["since"], f["user"]), reverse=True)
    assert found == [(gid("User", graph.user(f["user"])), f["since"].isoformat())
                     for f in follows]
    assert len(found) == 3


async def test_what_a_person_follows(gql: GraphQL, graph: ProbeGraph) -> None:
    fields = {"following": "User", "followedOrganizations": "Organization",
              "followedCommunities": "Community", "followedProposals": "Proposal",
              "followedProjects": "Project"}
    for user in graph.users:
        for field, kind in fields.items():
            follows = [f for f in graph.follows if f["user"] == user["id"] and f["kind"] == kind
                       and graph.followed_visible(f)]
            expected = ordered_ids([{"id": f["target"], "since": f["since"]} for f in follows],
                                   _since, descending=True)
            found = plain_ids(await walk(gql, *nested_query("User", field, {}),
                                         id=gid("User", user)))
            assert found == expected, (user["displayName"], field)
    # The first person follows a RESERVED community, in sight, and a CLOSED one, out of it.
    first = graph.users[0]
    shown = plain_ids(await walk(gql, *nested_query("User", "followedCommunities", {}),
                                 id=gid("User", first)))
    assert len(shown) == 3
    assert {c["id"] for c in graph.hidden_communities()}.isdisjoint(shown)
    # ...and a DRAFT proposal; the projects followed at the same time come by id.
    proposals = plain_ids(await walk(gql, *nested_query("User", "followedProposals", {}),
                                     id=gid("User", first)))
    assert proposals == [graph.proposals["PUBLISHED"]["id"]]
    projects = plain_ids(await walk(gql, *nested_query("User", "followedProjects", {}),
                                    id=gid("User", first)))
    assert projects == [*sorted([graph.projects["one"]["id"], graph.projects["two"]["id"]],
                                reverse=True), graph.projects["three"]["id"]]


FOLLOWED_EDGES = """
query($id: ID!) { node(id: $id) { ... on User {
  followedProposals(first: 10) { edges { since node { id title } } }
  followedProjects(first: 10) { edges { since node { id title } } }
} } }
"""


async def test_followed_proposals_and_projects_carry_since_and_their_nodes(
        gql: GraphQL, graph: ProbeGraph) -> None:
    user = graph.users[3]
    data = (await gql.data(FOLLOWED_EDGES, id=gid("User", user)))["node"]
    published = graph.proposals["PUBLISHED"]
    assert data["followedProposals"]["edges"] == [
        {"since": at(2).isoformat(), "node": {"id": gid("Proposal", published),
                                              "title": published["title"]}}]
    assert data["followedProjects"]["edges"] == []
    data = (await gql.data(FOLLOWED_EDGES, id=gid("User", graph.users[5])))["node"]
    two = graph.projects["two"]
    assert data["followedProjects"]["edges"] == [
        {"since": at(1).isoformat(), "node": {"id": gid("Project", two), "title": two["title"]}}]


NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


async def test_closed_communities_are_not_found(gql: GraphQL, graph: ProbeGraph) -> None:
    hidden = [gid("Community", c) for c in graph.hidden_communities()]
    assert len(hidden) == 1
    for community_id in hidden:
        body = await gql(NODE, id=community_id)
        assert body["data"] == {"node": None}
        assert error_codes(body) == ["NOT_FOUND"]
    visible = gid("Community", graph.communities["alpha"])
    found = (await gql.data(NODES, ids=[visible, *hidden, visible]))["nodes"]
    assert found == [{"id": visible}, None, {"id": visible}]
    eta = (await gql.data(COMMUNITY, id=gid("Community", graph.communities["eta"])))
    assert eta["node"]["parent"] is None  # its parent is CLOSED
    epsilon = (await gql.data(COMMUNITY, id=gid("Community", graph.communities["epsilon"])))
    assert epsilon["node"]["parent"] == {"id": gid("Community", graph.communities["gamma"])}


ROUND_TRIPS = """
query($size: Int!, $name: String!) {
  communities(first: $size, filter: {nameContains: $name}) { edges { node { name
    discussions(first: $size) { edges { node { title
      comments(first: $size) { edges { node { body
        author { displayName organizations(first: $size) { edges { node { name } } } }
      } } }
    } } }
  } } }
}
"""


async def _round_trips(gql: GraphQL, graph: ProbeGraph, size: int) -> tuple[int, int]:
    body = await gql(ROUND_TRIPS, size=size, name=graph.probe)
    assert "errors" not in body, body
    objects = 0
    for community in body["data"]["communities"]["edges"]:
        for discussion in community["node"]["discussions"]["edges"]:
            for comment in discussion["node"]["comments"]["edges"]:
                objects += 1 + len(comment["node"]["author"]["organizations"]["edges"])
    trips: int = body["extensions"]["cypher"]["roundTrips"]
    return trips, objects


async def test_round_trips_follow_the_depth_of_the_query(gql: GraphQL, graph: ProbeGraph) -> None:
    small_trips, small_objects = await _round_trips(gql, graph, 3)
    large_trips, large_objects = await _round_trips(gql, graph, 20)
    assert large_objects > small_objects > 0
    # communities, discussions, comments, authors, organizations: one round trip per level
    assert small_trips == large_trips == 5
