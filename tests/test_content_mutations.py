"""Content mutations: discussions, comments (threads, moderation, deletion that keeps the
thread) and news (with the notifications they send), by the role of each person who tries."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app import ids
from app.db import Database
from tests.community_probe import Workflow, content_state, notifications_of, workflow
from tests.conftest import AsViewer, GraphQL, error_codes

__all__ = ["workflow"]

START = """
mutation($community: ID!, $title: String!) {
  createDiscussion(input: {community: $community, title: $title, body: "Let us talk"}) {
    discussion { id title locked author { id } community { id } commentCount }
    userErrors { field code }
  }
}"""
UPDATE = """
mutation($discussion: ID!, $title: String) {
  updateDiscussion(input: {discussion: $discussion, title: $title}) {
    discussion { title } userErrors { field code }
  }
}"""
LOCK = """
mutation($discussion: ID!, $locked: Boolean!) {
  lockDiscussion(input: {discussion: $discussion, locked: $locked}) {
    discussion { locked } userErrors { field code }
  }
}"""
COMMENT = """
mutation($subject: ID!, $body: String!, $replyTo: ID) {
  addComment(input: {subject: $subject, body: $body, replyTo: $replyTo}) {
    comment { id body createdAt deletedAt subject { id } replyTo { id } author { id } }
    userErrors { field code }
  }
}"""
EDIT = """
mutation($comment: ID!, $body: String!) {
  editComment(input: {comment: $comment, body: $body}) {
    comment { body } userErrors { field code }
  }
}"""
DELETE = """
mutation($comment: ID!) {
  deleteComment(input: {comment: $comment}) {
    comment { body deletedAt replyCount } userErrors { field code }
  }
}"""
PUBLISH = """
mutation($title: String!, $areas: [ID!], $organization: ID) {
  publishNews(input: {title: $title, summary: "In short", body: "All of it", s3Areas: $areas,
                      onBehalfOf: $organization}) {
    news { id title author { id } onBehalfOf { id } s3Areas { totalCount } }
    userErrors { field code }
  }
}"""
UPDATE_NEWS = """
mutation($news: ID!, $title: String) {
  updateNews(input: {news: $news, title: $title}) { news { title } userErrors { field code } }
}"""
DELETE_NEWS = """
mutation($news: ID!) {
  deleteNews(input: {news: $news}) { deletedNewsId userErrors { field code } }
}"""
THREAD = """
query($discussion: ID!) {
  node(id: $discussion) { ... on Discussion { lastActivityAt commentCount
    comments { edges { node { id body deletedAt
      replies { edges { node { id body } } } } } } } }
}"""


def payload(data: dict[str, Any]) -> dict[str, Any]:
    [value] = data.values()
    result: dict[str, Any] = value
    return result


async def comment(viewer: Any, subject: str, body: str = "A thought",
                  reply_to: str | None = None) -> dict[str, Any]:
    """Add a comment that must succeed; the comment as the payload returns it."""
    added = payload(await viewer.data(COMMENT, subject=subject, body=body, replyTo=reply_to))
    assert added["userErrors"] == [], added
    result: dict[str, Any] = added["comment"]
    return result


async def test_every_mutation_needs_a_signed_in_person(gql: GraphQL, workflow: Workflow) -> None:
    discussion, news = workflow.discussion("talk"), workflow.gid("News", workflow.news)
    some_comment = ids.encode("Comment", str(uuid.uuid4()))
    calls: list[tuple[str, dict[str, Any]]] = [
             (START, {"community": workflow.community("open"), "title": "Hello"}),
             (UPDATE, {"discussion": discussion, "title": "Hello"}),
             (LOCK, {"discussion": discussion, "locked": True}),
             (COMMENT, {"subject": discussion, "body": "Hi"}),
             (EDIT, {"comment": some_comment, "body": "Hi"}), (DELETE, {"comment": some_comment}),
             (PUBLISH, {"title": "Hello"}), (UPDATE_NEWS, {"news": news, "title": "Hello"}),
             (DELETE_NEWS, {"news": news})]
    for query, variables in calls:
        body = await gql(query, **variables)
        assert error_codes(body) == ["UNAUTHENTICATED"] and body["data"] is None


@pytest.mark.parametrize(("who", "community", "refusal"), [
    ("participant", "open", None), ("manager", "open", None), ("admin", "open", None),
    ("participant", "closed", None), ("outsider", "open", "FORBIDDEN"),
    ("facilitator", "open", "FORBIDDEN"), ("outsider", "closed", "NOT_FOUND")])
async def test_who_may_start_a_discussion(as_viewer: AsViewer, workflow: Workflow,
                                          who: str, community: str,
                                          refusal: str | None) -> None:
    viewer = as_viewer(workflow.users[who])
    body = await viewer(START, community=workflow.community(community), title="Agenda")
    if refusal:
        assert error_codes(body) == [refusal]
        mine = await viewer.data("query { viewer { discussions { totalCount } } }")
        assert mine["viewer"]["discussions"]["totalCount"] == 0
        return
    started = payload(body["data"])
    discussion = started["discussion"]
    assert started["userErrors"] == []
    if discussion is None:  # started, in a closed community the read rules still hide
        assert community == "closed"
        return
    assert (discussion["title"], discussion["locked"], discussion["commentCount"]) == (
        "Agenda", False, 0)
    assert discussion["author"] == {"id": workflow.user(who)}
    assert discussion["community"] == {"id": workflow.community(community)}


async def test_a_bad_title_starts_nothing(as_viewer: AsViewer, workflow: Workflow) -> None:
    viewer = as_viewer(workflow.users["participant"])
    for title, code in (("ab", "TOO_SHORT"), ("x" * 201, "TOO_LONG")):
        body = await viewer.data(START, community=workflow.community("open"), title=title)
        assert payload(body) == {"discussion": None,
                                 "userErrors": [{"field": "title", "code": code}]}
    held = await viewer.data("query($id: ID!) { node(id: $id) { ... on Community "
                             "{ discussionCount } } }", id=workflow.community("open"))
    assert held["node"]["discussionCount"] == 2  # the probe's own


@pytest.mark.parametrize(("who", "refusal"), [("participant", None), ("manager", "FORBIDDEN"),
                                              ("admin", "FORBIDDEN")])
async def test_only_its_author_changes_a_discussion(as_viewer: AsViewer, workflow: Workflow,
                                                    db: Database, who: str,
                                                    refusal: str | None) -> None:
    body = await as_viewer(workflow.users[who])(UPDATE, discussion=workflow.discussion("talk"),
                                                title="New title")
    stored = (await content_state(db, workflow.discussions["talk"]))["node"]["title"]
    if refusal:
        assert error_codes(body) == [refusal] and stored == "Probe discussion"
    else:
        assert payload(body["data"])["discussion"] == {"title": "New title"}
        assert stored == "New title"


@pytest.mark.parametrize(("who", "refusal"), [
    ("manager", None), ("facilitator", None), ("admin", None), ("participant", "FORBIDDEN"),
    ("outsider", "FORBIDDEN")])
async def test_managers_and_facilitators_lock_discussions(
        as_viewer: AsViewer, workflow: Workflow, db: Database, who: str,
        refusal: str | None) -> None:
    body = await as_viewer(workflow.users[who])(LOCK, discussion=workflow.discussion("talk"),
                                                locked=True)
    locked = (await content_state(db, workflow.discussions["talk"]))["node"]["locked"]
    if refusal:
        assert error_codes(body) == [refusal] and locked is False
        return
    assert payload(body["data"])["discussion"] == {"locked": True} and locked is True
    refused = await as_viewer(workflow.users["participant"]).data(
        COMMENT, subject=workflow.discussion("talk"), body="Too late")
    assert payload(refused) == {"comment": None,
                                "userErrors": [{"field": "subject", "code": "NOT_ALLOWED"}]}
    assert (await content_state(db, workflow.discussions["talk"]))["comments"] == 0


async def test_a_thread_keeps_its_activity_and_notifies_who_is_answered(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    talk = workflow.discussion("talk")
    manager, participant = as_viewer(workflow.users["manager"]), as_viewer(
        workflow.users["participant"])
    first = await comment(manager, talk, "First")
    assert first["subject"] == {"id": talk} and first["author"] == {
        "id": workflow.user("manager")}
    reply = await comment(participant, talk, "Answer", reply_to=first["id"])
    assert reply["replyTo"] == {"id": first["id"]} and reply["subject"] == {"id": talk}

    # the discussion's author heard of the first comment, the first comment's author of the reply
    assert await notifications_of(participant) == [("COMMENT_ADDED", first["id"])]
    assert await notifications_of(manager) == [("COMMENT_ADDED", reply["id"])]
    state = await content_state(db, workflow.discussions["talk"])
    assert state["comments"] == 2
    assert state["node"]["lastActivityAt"] == max(state["commentTimes"])
    thread = (await participant.data(THREAD, discussion=talk))["node"]
    assert thread["lastActivityAt"] == reply["createdAt"] and thread["commentCount"] == 2


@pytest.mark.parametrize(("who", "subject", "refusal"), [
    ("outsider", "talk", "FORBIDDEN"), ("facilitator", "talk", "FORBIDDEN"),
    ("outsider", "secret", "NOT_FOUND"), ("outsider", "draft", "NOT_FOUND"),
])
async def test_who_may_not_comment(as_viewer: AsViewer, workflow: Workflow, db: Database,
                                   who: str, subject: str, refusal: str) -> None:
    target = (workflow.gid("Proposal", workflow.draft) if subject == "draft"
              else workflow.discussion(subject))
    body = await as_viewer(workflow.users[who])(COMMENT, subject=target, body="Hello")
    assert error_codes(body) == [refusal]
    node_id = workflow.draft if subject == "draft" else workflow.discussions[subject]
    assert (await content_state(db, node_id))["comments"] == 0


async def test_news_and_published_proposals_take_anyone_s_comments(
        as_viewer: AsViewer, workflow: Workflow) -> None:
    outsider = as_viewer(workflow.users["outsider"])
    on_news = await comment(outsider, workflow.gid("News", workflow.news))
    on_proposal = await comment(outsider, workflow.gid("Proposal", workflow.published))
    assert sorted(await notifications_of(as_viewer(workflow.users["participant"]))) == sorted(
        [("COMMENT_ADDED", on_news["id"]), ("COMMENT_ADDED", on_proposal["id"])])
    assert await notifications_of(outsider) == []  # nobody hears of their own comment


async def test_a_reply_stays_on_the_subject_of_what_it_answers(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    participant = as_viewer(workflow.users["participant"])
    on_news = await comment(participant, workflow.gid("News", workflow.news))
    body = await participant.data(COMMENT, subject=workflow.discussion("talk"), body="Elsewhere",
                                  replyTo=on_news["id"])
    assert payload(body) == {"comment": None,
                             "userErrors": [{"field": "replyTo", "code": "INVALID"}]}
    too_long = await participant.data(COMMENT, subject=workflow.discussion("talk"),
                                      body="x" * 20001)
    assert payload(too_long)["userErrors"] == [{"field": "body", "code": "TOO_LONG"}]
    assert (await content_state(db, workflow.discussions["talk"]))["comments"] == 0


@pytest.mark.parametrize(("who", "refusal"), [
    ("participant", None), ("manager", None), ("facilitator", None), ("admin", None),
    ("reader", "FORBIDDEN")])
async def test_a_deleted_comment_keeps_its_place_and_replies(
        as_viewer: AsViewer, workflow: Workflow, db: Database, who: str,
        refusal: str | None) -> None:
    talk = workflow.discussion("talk")
    first = await comment(as_viewer(workflow.users["participant"]), talk, "Regrettable")
    reply = await comment(as_viewer(workflow.users["manager"]), talk, "Indeed",
                          reply_to=first["id"])
    body = await as_viewer(workflow.users[who])(DELETE, comment=first["id"])
    thread = (await as_viewer(workflow.users["participant"]).data(THREAD, discussion=talk))[
        "node"]
    [entry] = [edge["node"] for edge in thread["comments"]["edges"]]
    assert entry["replies"]["edges"] == [{"node": {"id": reply["id"], "body": "Indeed"}}]
    if refusal:
        assert error_codes(body) == [refusal]
        assert (entry["body"], entry["deletedAt"]) == ("Regrettable", None)
        return
    deleted = payload(body["data"])["comment"]
    assert deleted["body"] == "" and deleted["deletedAt"] is not None
    assert deleted["replyCount"] == 1
    assert (entry["id"], entry["body"], entry["deletedAt"]) == (
        first["id"], "", deleted["deletedAt"])
    assert thread["commentCount"] == 2
    edit = await as_viewer(workflow.users["participant"]).data(EDIT, comment=first["id"],
                                                               body="Second thoughts")
    assert payload(edit) == {"comment": None, "userErrors": [
        {"field": "comment", "code": "INVALID_TRANSITION"}]}


async def test_only_its_author_edits_a_comment(as_viewer: AsViewer, workflow: Workflow) -> None:
    mine = await comment(as_viewer(workflow.users["participant"]), workflow.discussion("talk"))
    refused = await as_viewer(workflow.users["manager"])(EDIT, comment=mine["id"], body="No")
    assert error_codes(refused) == ["FORBIDDEN"]
    edited = await as_viewer(workflow.users["participant"]).data(EDIT, comment=mine["id"],
                                                                 body="Better")
    assert payload(edited) == {"comment": {"body": "Better"}, "userErrors": []}


async def test_news_notifies_the_people_interested_in_its_areas(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    author = as_viewer(workflow.users["participant"])
    published = payload(await author.data(
        PUBLISH, title="Open call", areas=[workflow.area(0)],
        organization=workflow.gid("Organization", workflow.organization)))
    news = published["news"]
    assert published["userErrors"] == []
    assert (news["title"], news["author"], news["onBehalfOf"], news["s3Areas"]) == (
        "Open call", {"id": workflow.user("participant")},
        {"id": workflow.gid("Organization", workflow.organization)}, {"totalCount": 1})
    assert await notifications_of(as_viewer(workflow.users["reader"])) == [
        ("NEWS_PUBLISHED", news["id"])]
    for other in ("participant", "outsider", "manager"):  # the author; other areas; none
        assert await notifications_of(as_viewer(workflow.users[other])) == []
    _, news_id = ids.parse(news["id"])
    assert (await content_state(db, news_id))["notified"] == [workflow.users["reader"]]


async def test_refused_news_publishes_nothing(as_viewer: AsViewer, workflow: Workflow) -> None:
    outsider = as_viewer(workflow.users["outsider"])
    body = await outsider(PUBLISH, title="For them", areas=[workflow.area(0)],
                          organization=workflow.gid("Organization", workflow.organization))
    assert error_codes(body) == ["FORBIDDEN"]
    many = [ids.encode("S3Area", str(uuid.uuid4())) for _ in range(6)]
    for areas, code in ((many, "TOO_MANY"), (many[:1], "NOT_FOUND")):
        refused = await outsider.data(PUBLISH, title="Too wide", areas=areas)
        assert payload(refused) == {"news": None,
                                    "userErrors": [{"field": "s3Areas", "code": code}]}
    assert await notifications_of(as_viewer(workflow.users["reader"])) == []
    tagged = await outsider.data("query($area: ID!) { news(filter: {s3Area: $area}) "
                                 "{ totalCount } }", area=workflow.area(0))
    assert tagged["news"]["totalCount"] == 0


@pytest.mark.parametrize(("who", "refusal"), [("participant", None), ("facilitator", "FORBIDDEN"),
                                              ("outsider", "FORBIDDEN")])
async def test_only_its_author_changes_news(as_viewer: AsViewer, workflow: Workflow,
                                            db: Database, who: str,
                                            refusal: str | None) -> None:
    body = await as_viewer(workflow.users[who])(
        UPDATE_NEWS, news=workflow.gid("News", workflow.news), title="Retitled")
    stored = (await content_state(db, workflow.news))["node"]["title"]
    if refusal:
        assert error_codes(body) == [refusal] and stored == "Probe news"
    else:
        assert payload(body["data"])["news"] == {"title": "Retitled"} and stored == "Retitled"


@pytest.mark.parametrize(("who", "refusal"), [
    ("participant", None), ("facilitator", None), ("admin", None), ("manager", "FORBIDDEN")])
async def test_who_may_delete_news(as_viewer: AsViewer, workflow: Workflow, db: Database,
                                   who: str, refusal: str | None) -> None:
    news = workflow.gid("News", workflow.news)
    remark = await comment(as_viewer(workflow.users["outsider"]), news)
    body = await as_viewer(workflow.users[who])(DELETE_NEWS, news=news)
    if refusal:
        assert error_codes(body) == [refusal]
        assert (await content_state(db, workflow.news))["comments"] == 1
        return
    assert payload(body["data"]) == {"deletedNewsId": news, "userErrors": []}
    assert await content_state(db, workflow.news) == {}
    _, comment_id = ids.parse(remark["id"])
    assert await content_state(db, comment_id) == {}
    assert await notifications_of(as_viewer(workflow.users["participant"])) == []
