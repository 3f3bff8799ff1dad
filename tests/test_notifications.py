"""Notifications and the viewer: only the person a notification is for reads it, newest first,
and what it is about resolves to its own type, every subject of a page in one round trip."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests import opportunity_probe
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher
from tests.connections import PAGE_INFO, Client, gids, node_ids, walk
from tests.opportunity_probe import Probe

PAGE = f"{PAGE_INFO} edges {{ cursor node {{ id }} }}"

VIEWER_NOTIFICATIONS = f"""
query($first: Int, $after: String, $last: Int, $before: String, $unreadOnly: Boolean) {{
  viewer {{
    id unreadNotificationCount
    notifications(first: $first, after: $after, last: $last, before: $before,
                  unreadOnly: $unreadOnly) {{ {PAGE} }}
  }}
}}"""

SOMEONES_NOTIFICATIONS = f"""
query($handle: String!) {{
  user(handle: $handle) {{
    unreadNotificationCount
    notifications(first: 100) {{ {PAGE} }}
  }}
}}"""

SUBJECTS = """
query($size: Int!) {
  viewer { notifications(first: $size) { edges { node {
    id kind createdAt readAt subject { __typename id }
  } } } }
}"""


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def probe(db: Database) -> AsyncIterator[Probe]:
    created = await opportunity_probe.create(db)
    yield created
    await opportunity_probe.delete(db, created)


async def newest_first(db: Database, user: str, unread_only: bool) -> list[str]:
    rows = await run_test_cypher(db, "notifications_for", user=user, unreadOnly=unread_only)
    ordered = sorted(rows, key=lambda row: (row["createdAt"].to_native(), row["id"]),
                     reverse=True)
    return [row["id"] for row in ordered]


class TheirOwnViewer:
    """Answers as `viewer`, checking on every page that the viewer is `person` with
    `unread` unread notifications."""

    def __init__(self, viewer: Client, person: str, unread: int) -> None:
        self.viewer, self.person, self.unread = viewer, person, unread

    async def data(self, query: str, **variables: Any) -> dict[str, Any]:
        data = await self.viewer.data(query, **variables)
        assert data["viewer"]["id"] == ids.encode("User", self.person)
        assert data["viewer"]["unreadNotificationCount"] == self.unread
        return data


async def test_an_anonymous_visitor_has_no_viewer(gql: GraphQL, as_viewer: AsViewer) -> None:
    assert await gql.data("{ viewer { id } }") == {"viewer": None}
    assert await as_viewer(None).data("{ viewer { id } }") == {"viewer": None}


async def test_the_viewer_walks_their_notifications_newest_first(
        as_viewer: AsViewer, db: Database, probe: Probe) -> None:
    for person in probe.users[:2]:
        everything = await newest_first(db, person["id"], unread_only=False)
        unread = await newest_first(db, person["id"], unread_only=True)
        assert unread and len(unread) < len(everything)
        for unread_only, wanted in ((None, everything), (False, everything), (True, unread)):
            checked = TheirOwnViewer(as_viewer(person["id"]), person["id"], len(unread))
            edges = await walk(checked, VIEWER_NOTIFICATIONS, ["viewer", "notifications"], 4,
                               backward_size=5, unreadOnly=unread_only)
            assert node_ids(edges) == gids("Notification", wanted)


async def test_nobody_else_reads_a_persons_notifications(
        as_viewer: AsViewer, gql: GraphQL, db: Database, probe: Probe) -> None:
    recipient, other = probe.users[0], probe.users[1]
    assert await newest_first(db, recipient["id"], unread_only=False)
    own = await as_viewer(recipient["id"]).data(SOMEONES_NOTIFICATIONS,
                               handle=recipient["handle"])
    assert own["user"]["notifications"]["totalCount"] > 0
    assert own["user"]["unreadNotificationCount"] > 0
    for body in (await as_viewer(other["id"])(SOMEONES_NOTIFICATIONS, handle=recipient["handle"]),
                 await as_viewer(None)(SOMEONES_NOTIFICATIONS, handle=recipient["handle"]),
                 await gql(SOMEONES_NOTIFICATIONS, handle=recipient["handle"])):
        assert "errors" not in body, body
        seen = body["data"]["user"]
        assert seen["unreadNotificationCount"] is None
        assert seen["notifications"]["totalCount"] == 0
        assert seen["notifications"]["edges"] == []


async def test_a_notification_by_id_is_found_by_its_recipient_only(
        as_viewer: AsViewer, gql: GraphQL, probe: Probe) -> None:
    notification = probe.notifications[0]
    global_id = ids.encode("Notification", notification["id"])
    single = "query($id: ID!) { node(id: $id) { id ... on Notification { kind } } }"
    many = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    found = await as_viewer(notification["recipient"]).data(single, id=global_id)
    assert found["node"] == {"id": global_id, "kind": notification["kind"]}
    others = [u["id"] for u in probe.users if u["id"] != notification["recipient"]]
    for viewer in (others[0], None):
        body = await as_viewer(viewer)(single, id=global_id)
        assert body["data"] == {"node": None}
        assert error_codes(body) == ["NOT_FOUND"]
        assert (await as_viewer(viewer).data(many, ids=[global_id]))["nodes"] == [None]
    assert error_codes(await gql(single, id=global_id)) == ["NOT_FOUND"]


async def test_subjects_resolve_to_their_types_in_one_round_trip(
        as_viewer: AsViewer, probe: Probe) -> None:
    recipient = probe.users[0]["id"]
    notifications = {n["id"]: n for n in probe.notifications if n["recipient"] == recipient}
    body = await as_viewer(recipient)(SUBJECTS, size=100)
    assert "errors" not in body, body
    edges = body["data"]["viewer"]["notifications"]["edges"]
    assert len(edges) == len(notifications)
    kinds: set[str | None] = set()
    for edge in edges:
        node = edge["node"]
        notification = notifications[ids.parse(node["id"])[1]]
        assert node["kind"] == notification["kind"]
        assert (node["readAt"] is None) == (notification["readAt"] is None)
        wanted = probe.subject_type(notification["subject"], recipient)
        kinds.add(wanted)
        if wanted is None:
            assert node["subject"] is None
        else:
            assert node["subject"] == {"__typename": wanted,
                                       "id": ids.encode(wanted, notification["subject"])}
    # visible and hidden proposals, one's own and another's interest, an organization, a
    # person, a competence, and a label without a type
    assert kinds == {"Proposal", "ExpressionOfInterest", "Organization", "User", "Competence",
                     None}
    # the viewer, their notifications, and every subject at once, whatever the page size
    assert body["extensions"]["cypher"]["roundTrips"] == 3
    small = await as_viewer(recipient)(SUBJECTS, size=3)
    assert small["extensions"]["cypher"]["roundTrips"] == 3


async def test_nodes_of_several_types_are_read_in_one_round_trip(
        gql: GraphQL, probe: Probe) -> None:
    wanted = [ids.encode("Proposal", probe.example["id"]),
              ids.encode("Organization", probe.organizations[0]["id"]),
              ids.encode("User", probe.users[0]["id"]),
              ids.encode("Keyword", probe.keyword),
              ids.encode("Competence", probe.taxonomy["top"]),
              ids.encode("S3Area", probe.taxonomy["areas"][0])]
    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }", ids=wanted)
    assert "errors" not in body, body
    assert [node["id"] for node in body["data"]["nodes"]] == wanted
    assert body["extensions"]["cypher"]["roundTrips"] == 1
