"""The events that content mutations record: discussions, comments and news (with the
notifications they send), and marking notifications read."""

from __future__ import annotations

from typing import Any

from app import ids
from app.db import Database
from tests.community_probe import Workflow, workflow
from tests.conftest import AsViewer, error_codes
from tests.event_probe import audience, log_end, payload, recorded, shape
from tests.test_content_mutations import (
    COMMENT,
    DELETE,
    DELETE_NEWS,
    EDIT,
    LOCK,
    PUBLISH,
    UPDATE,
    UPDATE_NEWS,
)
from tests.test_notification_mutations import MARK

__all__ = ["workflow"]


def _comment_id(answer: dict[str, Any]) -> str:
    return ids.decode_as(answer["addComment"]["comment"]["id"], "Comment")


async def test_discussions_record_their_changes(as_viewer: AsViewer, workflow: Workflow,
                                                db: Database) -> None:
    talk, open_community = workflow.discussion("talk"), workflow.communities["open"]
    manager = as_viewer(workflow.users["manager"])
    before = await log_end(db)
    await as_viewer(workflow.users["participant"]).data(UPDATE, discussion=talk, title="New")
    for locked in (True, True, False):  # locking it twice changes it once
        await manager.data(LOCK, discussion=talk, locked=locked)
    refused = await as_viewer(workflow.users["outsider"])(LOCK, discussion=talk, locked=True)
    assert error_codes(refused) == ["FORBIDDEN"]

    events = await recorded(db, before, workflow.discussions["talk"])
    assert [shape(event)[:3] for event in events] == [
        ("DISCUSSION_UPDATED", "Discussion", workflow.discussions["talk"])] * 3
    assert [payload(event) for event in events] == [
        {"fields": ["title"], "title": "New"},
        {"fields": ["locked"], "locked": True, "title": "New"},
        {"fields": ["locked"], "locked": False, "title": "New"}]
    assert {event.community_id for event in events} == {open_community}


async def test_comments_record_their_life_and_notify_the_author_answered(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    users, talk = workflow.users, workflow.discussion("talk")
    manager, participant = as_viewer(users["manager"]), as_viewer(users["participant"])
    before = await log_end(db)
    first = _comment_id(await manager.data(COMMENT, subject=talk, body="First"))
    reply = _comment_id(await participant.data(
        COMMENT, subject=talk, body="Reply", replyTo=ids.encode("Comment", first)))
    await manager.data(EDIT, comment=ids.encode("Comment", first), body="First, edited")
    refused = await participant(EDIT, comment=ids.encode("Comment", first), body="Mine now")
    assert error_codes(refused) == ["FORBIDDEN"]
    for _ in range(2):  # deleted once
        await manager.data(DELETE, comment=ids.encode("Comment", first))
    outsider = await as_viewer(users["outsider"])(COMMENT, subject=talk, body="Not a member")
    assert error_codes(outsider) == ["FORBIDDEN"]

    events = await recorded(db, before, first, reply, users["participant"], users["manager"])
    assert [(event.type, event.subject_id) for event in events] == [
        ("COMMENT_CREATED", first), ("NOTIFICATION_CREATED", events[1].subject_id),
        ("COMMENT_CREATED", reply), ("NOTIFICATION_CREATED", events[3].subject_id),
        ("COMMENT_EDITED", first), ("COMMENT_DELETED", first)]
    created, noticed, answered, noticed_back, edited, deleted = events
    on = {"onType": "Discussion", "onId": workflow.discussions["talk"]}
    assert payload(created) == {**on, "replyToId": None}
    assert payload(answered) == {**on, "replyToId": first}
    assert (noticed.subject_type, noticed.recipient_id, payload(noticed)) == (
        "Notification", users["participant"], {"kind": "COMMENT_ADDED", "commentId": first})
    assert (noticed_back.recipient_id, payload(noticed_back)) == (
        users["manager"], {"kind": "COMMENT_ADDED", "commentId": reply})
    assert payload(edited) == {"fields": ["body"]}
    assert {event.community_id for event in events} == {workflow.communities["open"]}
    for event in (created, edited, deleted):
        assert (event.scope_type, event.scope_id) == ("Comment", first)
    assert await audience(db, noticed, users) == {"participant"}


async def test_a_comment_in_a_closed_community_reaches_its_members_only(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    before = await log_end(db)
    comment = _comment_id(await as_viewer(workflow.users["manager"]).data(
        COMMENT, subject=workflow.discussion("secret"), body="Between us"))
    [created] = await recorded(db, before, comment)
    assert created.community_id == workflow.communities["closed"]
    assert await audience(db, created, workflow.users) == {
        "manager", "participant", "facilitator", "admin"}


async def test_news_record_their_publication_notices_changes_and_deletion(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    users = workflow.users
    author = as_viewer(users["participant"])
    before = await log_end(db)
    published = await author.data(PUBLISH, title="Bando", areas=[workflow.area(0)])
    news = ids.decode_as(published["publishNews"]["news"]["id"], "News")
    await author.data(UPDATE_NEWS, news=ids.encode("News", news), title="Bando 2")
    refused = await as_viewer(users["outsider"])(UPDATE_NEWS, news=ids.encode("News", news),
                                                 title="Mine")
    assert error_codes(refused) == ["FORBIDDEN"]
    await as_viewer(users["facilitator"]).data(DELETE_NEWS, news=ids.encode("News", news))

    events = await recorded(db, before, news, users["reader"])
    assert [event.type for event in events] == [
        "NEWS_PUBLISHED", "NOTIFICATION_CREATED", "NEWS_UPDATED", "NEWS_DELETED"]
    publication, notice, update, deletion = events
    assert shape(publication) == ("NEWS_PUBLISHED", "News", news, "News", news, None)
    assert payload(publication) == {"title": "Bando", "organizationId": None}
    assert publication.s3_areas == update.s3_areas == frozenset(workflow.areas[:1])
    assert (notice.recipient_id, payload(notice)) == (
        users["reader"], {"kind": "NEWS_PUBLISHED", "newsId": news})
    assert payload(update) == {"fields": ["title"], "title": "Bando 2"}
    # the news is gone: its author, public as news are, decides who learns of it
    assert shape(deletion) == ("NEWS_DELETED", "News", news, "User", users["participant"],
                               None)
    assert payload(deletion) == {"title": "Bando 2"}
    assert deletion.actor_id == users["facilitator"]
    assert await audience(db, deletion, users) == set(users)


async def test_marking_notifications_read_is_for_the_reader_only(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    users = workflow.users
    await as_viewer(users["participant"]).data(PUBLISH, title="Avviso",
                                               areas=[workflow.area(0)])
    reader = as_viewer(users["reader"])
    before = await log_end(db)
    marked = await reader.data(MARK, input={"all": True})
    assert marked["markNotificationsRead"]["markedCount"] == 1
    await reader.data(MARK, input={"all": True})  # none left unread: nothing changes
    [event] = await recorded(db, before, users["reader"])
    assert shape(event) == ("NOTIFICATIONS_READ", "User", users["reader"], "User",
                            users["reader"], users["reader"])
    assert payload(event) == {"count": 1, "all": True, "notificationIds": []}
    assert await audience(db, event, users) == {"reader"}
