"""Discussions, threaded comments and news: every connection walked both ways against the probe
graph's ground truth, figures against the items they count, comment subjects resolved by label,
and the discussions and comments of RESERVED and CLOSED communities out of sight."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest_asyncio

from app.db import Database
from schema import schema
from tests.community_graph import (
    PagedQuery,
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
DIRECTIONS = ("ASC", "DESC")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[ProbeGraph]:
    async with probe_graph(db) as created:
        yield created


def _created(item: Item) -> Any:
    return item["createdAt"]


DISCUSSION_KEYS: dict[str, Callable[[Item], Any]] = {
    "LATEST_ACTIVITY": lambda d: d["lastActivityAt"],
    "CREATED_AT": _created,
    "TITLE": lambda d: d["title"],
}
DISCUSSIONS = top_level_query("discussions", {"filter": "DiscussionFilter",
                                              "orderBy": "DiscussionOrder"})


def _in(graph: ProbeGraph, *keys: str) -> Callable[[Item], bool]:
    ids = {graph.communities[key]["id"] for key in keys}
    return lambda discussion: discussion["community"] in ids


async def test_discussions_walk_with_every_filter(gql: GraphQL, graph: ProbeGraph) -> None:
    area, other_area = (gid("S3Area", a) for a in graph.areas)
    author = graph.users[1]
    focus_on_area = _in(graph, "alpha", "beta1", "gamma", "epsilon")
    cases: list[tuple[dict[str, Any], Callable[[Item], bool]]] = [
        ({"community": gid("Community", graph.communities["alpha"])}, _in(graph, "alpha")),
        ({"community": gid("Community", graph.communities["gamma"])}, lambda d: False),
        ({"s3Area": area}, focus_on_area),
        ({"s3Area": other_area}, _in(graph, "beta1", "beta2", "omega", "zeta")),
        # The community and the area both hold through the discussion's one IN relationship.
        ({"community": gid("Community", graph.communities["beta1"]), "s3Area": area},
         _in(graph, "beta1")),
        ({"community": gid("Community", graph.communities["alpha"]), "s3Area": other_area},
         lambda d: False),
        ({"author": gid("User", author)}, lambda d: d["author"] == author["id"]),
        ({"s3Area": area, "createdAfter": at(35).isoformat()},
         lambda d: focus_on_area(d) and d["createdAt"] >= at(35)),
        # A time without an offset is taken as UTC.
        ({"s3Area": area, "createdBefore": at(35).replace(tzinfo=None).isoformat()},
         lambda d: focus_on_area(d) and d["createdAt"] < at(35)),
        ({"s3Area": other_area, "createdAfter": at(25).isoformat(),
          "createdBefore": at(40).isoformat()},
         lambda d: _in(graph, "beta1", "beta2", "zeta")(d) and at(25) <= d["createdAt"] < at(40)),
    ]
    latest_first = DISCUSSION_KEYS["LATEST_ACTIVITY"]
    for chosen, keep in cases:
        expected = ordered_ids([d for d in graph.visible_discussions() if keep(d)], latest_first,
                               descending=True)
        assert plain_ids(await walk(gql, *DISCUSSIONS, size=3, filter=chosen)) == expected, chosen
    assert any(d["author"] == author["id"] for d in graph.visible_discussions())


async def test_discussions_walk_in_every_order(gql: GraphQL, graph: ProbeGraph) -> None:
    area = graph.areas[0]
    held = [d for d in graph.visible_discussions()
            if area["id"] in graph.community_of(d["community"])["areas"]]
    assert len(held) == 12  # alpha, beta1 and epsilon; not gamma (RESERVED)
    for field, key in DISCUSSION_KEYS.items():
        for direction in DIRECTIONS:
            found = plain_ids(await walk(gql, *DISCUSSIONS, size=4,
                                         filter={"s3Area": gid("S3Area", area)},
                                         orderBy={"field": field, "direction": direction}))
            assert found == ordered_ids(held, key, direction == "DESC"), (field, direction)


NEWS_QUERY = top_level_query("news", {"filter": "NewsFilter", "orderBy": "NewsOrder"})
NEWS_KEYS: dict[str, Callable[[Item], Any]] = {
    "PUBLISHED_AT": lambda n: n["publishedAt"], "TITLE": lambda n: n["title"]}


async def test_all_discussions_and_news_are_those_of_the_graph(
        gql: GraphQL, db: Database, graph: ProbeGraph) -> None:
    [expected] = await run_test_cypher(db, "count_visible_content")
    discussions = plain_ids(await walk(gql, *DISCUSSIONS, size=100))
    assert len(discussions) == expected["discussions"] >= len(graph.visible_discussions())
    hidden = {d["id"] for d in graph.discussions} - {d["id"] for d in graph.visible_discussions()}
    assert hidden and hidden.isdisjoint(discussions)
    news = plain_ids(await walk(gql, *NEWS_QUERY, size=100))
    assert len(news) == expected["news"] >= len(graph.news)


async def test_news_walk_with_every_filter(gql: GraphQL, graph: ProbeGraph) -> None:
    area, other_area = (a["id"] for a in graph.areas)
    first, second = (o["id"] for o in graph.organizations)
    cases: list[tuple[dict[str, Any], Callable[[Item], bool]]] = [
        ({"s3Area": gid("S3Area", graph.areas[0])}, lambda n: area in n["areas"]),
        ({"s3Area": gid("S3Area", graph.areas[1])}, lambda n: other_area in n["areas"]),
        ({"organization": gid("Organization", graph.organizations[0])},
         lambda n: n["organization"] == first),
        ({"organization": gid("Organization", graph.organizations[0]),
          "publishedAfter": at(50).isoformat()},
         lambda n: n["organization"] == first and n["publishedAt"] >= at(50)),
        ({"s3Area": gid("S3Area", graph.areas[1]), "publishedBefore": at(52).isoformat()},
         lambda n: other_area in n["areas"] and n["publishedAt"] < at(52)),
        ({"organization": gid("Organization", graph.organizations[1]),
          "publishedAfter": at(49).isoformat(), "publishedBefore": at(50).isoformat()},
         lambda n: n["organization"] == second and at(49) <= n["publishedAt"] < at(50)),
    ]
    newest_first = NEWS_KEYS["PUBLISHED_AT"]
    for chosen, keep in cases:
        expected = ordered_ids([n for n in graph.news if keep(n)], newest_first, descending=True)
        assert expected
        assert plain_ids(await walk(gql, *NEWS_QUERY, filter=chosen)) == expected, chosen


async def test_news_walk_in_every_order(gql: GraphQL, graph: ProbeGraph) -> None:
    area = graph.areas[0]
    tagged = [n for n in graph.news if area["id"] in n["areas"]]
    for field, key in NEWS_KEYS.items():
        for direction in DIRECTIONS:
            found = plain_ids(await walk(gql, *NEWS_QUERY, filter={"s3Area": gid("S3Area", area)},
                                         orderBy={"field": field, "direction": direction}))
            assert found == ordered_ids(tagged, key, direction == "DESC"), (field, direction)


async def test_organization_news_walk_in_every_order(gql: GraphQL, graph: ProbeGraph) -> None:
    for organization in graph.organizations:
        published = [n for n in graph.news if n["organization"] == organization["id"]]
        query = nested_query("Organization", "news", {"orderBy": "NewsOrder"})
        organization_id = gid("Organization", organization)
        found = plain_ids(await walk(gql, *query, id=organization_id))
        assert found == ordered_ids(published, NEWS_KEYS["PUBLISHED_AT"], descending=True)
        for field, key in NEWS_KEYS.items():
            for direction in DIRECTIONS:
                found = plain_ids(await walk(gql, *query, id=organization_id,
                                             orderBy={"field": field, "direction": direction}))
                assert found == ordered_ids(published, key, direction == "DESC")


NEWS_FIELDS = """
query($id: ID!) {
  node(id: $id) {
    ... on News { title summary body publishedAt commentCount author { id } onBehalfOf { id } }
  }
}
"""


def _top_level(graph: ProbeGraph, subject_id: str) -> list[Item]:
    return [c for c in graph.comments_on(subject_id) if c["replyTo"] is None]


async def _walk_comments(gql: GraphQL, query: PagedQuery, node_id: str,
                         top_level: list[Item]) -> None:
    assert plain_ids(await walk(gql, *query, id=node_id)) == ordered_ids(top_level, _created)
    for direction in DIRECTIONS:
        found = plain_ids(await walk(gql, *query, id=node_id,
                                     orderBy={"field": "CREATED_AT", "direction": direction}))
        assert found == ordered_ids(top_level, _created, direction == "DESC")


async def test_news_fields_areas_and_comments(gql: GraphQL, graph: ProbeGraph) -> None:
    areas = nested_query("News", "s3Areas", {})
    comments = nested_query("News", "comments", {"orderBy": "CommentOrder"})
    for item in graph.news:
        news_id = gid("News", item)
        found = (await gql.data(NEWS_FIELDS, id=news_id))["node"]
        assert (found["title"], found["summary"], found["body"]) == (
            item["title"], item["summary"], item["body"])
        assert found["publishedAt"] == item["publishedAt"].isoformat()
        assert found["author"] == {"id": gid("User", graph.user(item["author"]))}
        assert found["onBehalfOf"] == ({"id": gid("Organization", {"id": item["organization"]})}
                                       if item["organization"] else None)
        assert found["commentCount"] == len(graph.comments_on(item["id"]))
        tagged = [a for a in graph.areas if a["id"] in item["areas"]]
        assert plain_ids(await walk(gql, *areas, size=1, id=news_id)) == ordered_ids(
            tagged, lambda a: a["code"])
        await _walk_comments(gql, comments, news_id, _top_level(graph, item["id"]))


DISCUSSION_FIELDS = """
query($id: ID!) {
  node(id: $id) {
    ... on Discussion {
      title body locked createdAt lastActivityAt commentCount
      author { id } community { id } comments { totalCount }
    }
  }
}
"""


async def test_discussion_fields_figures_and_comments(gql: GraphQL, graph: ProbeGraph) -> None:
    comments = nested_query("Discussion", "comments", {"orderBy": "CommentOrder"})
    for discussion in graph.visible_discussions():
        discussion_id = gid("Discussion", discussion)
        found = (await gql.data(DISCUSSION_FIELDS, id=discussion_id))["node"]
        assert (found["title"], found["body"], found["locked"]) == (
            discussion["title"], discussion["body"], discussion["locked"])
        assert found["createdAt"] == discussion["createdAt"].isoformat()
        assert found["lastActivityAt"] == discussion["lastActivityAt"].isoformat()
        assert found["author"] == {"id": gid("User", graph.user(discussion["author"]))}
        assert found["community"] == {
            "id": gid("Community", graph.community_of(discussion["community"]))}
        top_level = _top_level(graph, discussion["id"])
        assert found["commentCount"] == len(graph.comments_on(discussion["id"]))
        assert found["comments"]["totalCount"] == len(top_level)
        await _walk_comments(gql, comments, discussion_id, top_level)
    first = graph.discussions[0]
    assert len(_top_level(graph, first["id"])) < len(graph.comments_on(first["id"]))


USER_DISCUSSIONS = nested_query("User", "discussions", {"orderBy": "DiscussionOrder"})


async def test_a_person_s_discussions_are_the_visible_ones(gql: GraphQL, graph: ProbeGraph) -> None:
    for user in graph.users:
        started = [d for d in graph.visible_discussions() if d["author"] == user["id"]]
        user_id = gid("User", user)
        found = plain_ids(await walk(gql, *USER_DISCUSSIONS, id=user_id))
        assert found == ordered_ids(started, DISCUSSION_KEYS["LATEST_ACTIVITY"], True)
        for field, key in DISCUSSION_KEYS.items():
            for direction in DIRECTIONS:
                found = plain_ids(await walk(gql, *USER_DISCUSSIONS, id=user_id,
                                             orderBy={"field": field, "direction": direction}))
                assert found == ordered_ids(started, key, direction == "DESC")
    # Some of them also started discussions in RESERVED or CLOSED communities.
    assert len(graph.visible_discussions()) < len(graph.discussions)


COMMENT_FIELDS = """
query($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Comment {
      id body createdAt replyCount author { id } replyTo { id } replies { totalCount }
      subject { __typename id }
    }
  }
}
"""
REPLIES = nested_query("Comment", "replies", {"orderBy": "CommentOrder"})


def _subject_id(graph: ProbeGraph, comment: Item) -> str | None:
    """The global ID the API gives a comment's subject: a Proposal resolves once proposals are
    a registered type."""
    kind = comment["subjectKind"]
    if kind == "Proposal" and schema.get_type_by_name("Proposal") is None:
        return None
    return gid(kind, {"id": comment["subject"]})


async def test_threads_of_replies(gql: GraphQL, graph: ProbeGraph) -> None:
    visible = graph.visible_comments()
    found = (await gql.data(COMMENT_FIELDS, ids=[gid("Comment", c) for c in visible]))["nodes"]
    for comment, shown in zip(visible, found, strict=True):
        replies = graph.replies_to(comment["id"])
        assert shown["id"] == gid("Comment", comment)
        assert shown["body"] == comment["body"]
        assert shown["createdAt"] == comment["createdAt"].isoformat()
        assert shown["author"] == {"id": gid("User", graph.user(comment["author"]))}
        assert shown["replyTo"] == (
            {"id": gid("Comment", graph.comment(comment["replyTo"]))}
            if comment["replyTo"] else None)
        assert shown["replyCount"] == shown["replies"]["totalCount"] == len(replies)
        subject = _subject_id(graph, comment)
        assert (shown["subject"]["id"] if shown["subject"] else None) == subject
        if replies:
            comment_id = gid("Comment", comment)
            assert plain_ids(await walk(gql, *REPLIES, size=1, id=comment_id)) == ordered_ids(
                replies, _created)
            found_desc = plain_ids(await walk(
                gql, *REPLIES, size=1, id=comment_id,
                orderBy={"field": "CREATED_AT", "direction": "DESC"}))
            assert found_desc == ordered_ids(replies, _created, descending=True)
    # Threads are deeper than one level, on every kind of subject.
    answers = [c for c in visible if c["replyTo"]]
    assert any(graph.comment(c["replyTo"])["replyTo"] for c in answers)
    assert {c["subjectKind"] for c in answers} == {"Discussion", "News", "Proposal"}


NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


async def test_hidden_discussions_and_their_comments_are_not_found(
        gql: GraphQL, graph: ProbeGraph) -> None:
    visible_ids = {d["id"] for d in graph.visible_discussions()}
    hidden = [gid("Discussion", d) for d in graph.discussions if d["id"] not in visible_ids]
    hidden_comments = [gid("Comment", c) for c in graph.comments if not graph.subject_visible(c)]
    on_drafts = [c for c in graph.comments if c["subjectKind"] == "Proposal"
                 and not graph.subject_visible(c)]
    on_hidden_discussions = [c for c in graph.comments if c["subjectKind"] == "Discussion"
                             and not graph.subject_visible(c)]
    assert len(hidden) == 4 and on_drafts and any(c["replyTo"] for c in on_hidden_discussions)
    for node_id in [*hidden, *hidden_comments]:
        body = await gql(NODE, id=node_id)
        assert body["data"] == {"node": None}
        assert error_codes(body) == ["NOT_FOUND"], node_id
    shown = gid("Discussion", graph.visible_discussions()[0])
    found = (await gql.data(NODES, ids=[shown, *hidden, *hidden_comments, shown]))["nodes"]
    assert found == [{"id": shown}, *[None] * (len(hidden) + len(hidden_comments)),
                     {"id": shown}]


ROUND_TRIPS = """
query($size: Int!, $community: ID!) {
  discussions(first: $size, filter: {community: $community}) { edges { node { title
    comments(first: $size) { edges { node { body replyTo { id } subject { id }
      replies(first: $size) { edges { node { body author { handle } } } }
    } } }
  } } }
}
"""


async def _round_trips(gql: GraphQL, graph: ProbeGraph, size: int) -> tuple[int, int]:
    body = await gql(ROUND_TRIPS, size=size, community=gid("Community",
                                                           graph.communities["alpha"]))
    assert "errors" not in body, body
    objects = 0
    for discussion in body["data"]["discussions"]["edges"]:
        for comment in discussion["node"]["comments"]["edges"]:
            objects += 1 + len(comment["node"]["replies"]["edges"])
    trips: int = body["extensions"]["cypher"]["roundTrips"]
    return trips, objects


async def test_round_trips_follow_the_depth_of_the_query(gql: GraphQL, graph: ProbeGraph) -> None:
    small_trips, small_objects = await _round_trips(gql, graph, 3)
    large_trips, large_objects = await _round_trips(gql, graph, 20)
    assert large_objects > small_objects > 0
    # discussions, comments, their replyTo, their subjects, replies, the replies' authors
    assert small_trips == large_trips == 6
