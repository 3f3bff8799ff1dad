"""follow / unfollow: the pattern every mutation follows (payload, user errors, refusals)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from app import ids
from app.db import Database
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher

FOLLOW = """
mutation($subject: ID!, $client: String) {
  follow(input: {subject: $subject, clientMutationId: $client}) {
    subject { id ... on Organization { followerCount } }
    userErrors { field code message }
    clientMutationId
  }
}"""

UNFOLLOW = """
mutation($subject: ID!) {
  unfollow(input: {subject: $subject}) {
    subject { ... on Organization { followerCount } }
    userErrors { code }
  }
}"""


@pytest_asyncio.fixture(loop_scope="session")
async def probe(db: Database) -> AsyncIterator[dict[str, Any]]:
    marker = uuid.uuid4().hex
    organization = str(uuid.uuid4())
    members = [{"id": str(uuid.uuid4()), "handle": f"follow-{marker[:8]}-{i}",
                "displayName": f"Follower {i}"} for i in range(2)]
    await run_test_cypher(db, "create_probe_organization", probe=marker,
                          organization=organization, name=f"Followed {marker}", members=members)
    yield {"organization": ids.encode("Organization", organization),
           "organization_id": organization,
           "users": [member["id"] for member in members]}
    await run_test_cypher(db, "delete_probe", probe=marker)


async def follows(db: Database, follower: str, subject: str) -> int:
    [row] = await run_test_cypher(db, "follows_between", follower=follower, subject=subject)
    count: int = row["follows"]
    return count


async def test_following_twice_follows_once_and_echoes_the_client_id(
        as_viewer: AsViewer, probe: dict[str, Any], db: Database) -> None:
    viewer = as_viewer(probe["users"][0])
    first = (await viewer.data(FOLLOW, subject=probe["organization"], client="c-1"))["follow"]
    again = (await viewer.data(FOLLOW, subject=probe["organization"], client="c-2"))["follow"]
    assert first["userErrors"] == [] and first["clientMutationId"] == "c-1"
    assert first["subject"] == {"id": probe["organization"], "followerCount": 1}
    assert again["subject"]["followerCount"] == 1 and again["clientMutationId"] == "c-2"
    assert await follows(db, probe["users"][0], probe["organization_id"]) == 1

    left = (await viewer.data(UNFOLLOW, subject=probe["organization"]))["unfollow"]
    assert left == {"subject": {"followerCount": 0}, "userErrors": []}
    assert await follows(db, probe["users"][0], probe["organization_id"]) == 0


async def test_fifty_concurrent_follows_leave_one_relationship(
        as_viewer: AsViewer, probe: dict[str, Any], db: Database) -> None:
    viewer = as_viewer(probe["users"][1])
    bodies = await asyncio.gather(*(viewer(FOLLOW, subject=probe["organization"])
                                    for _ in range(50)))
    assert [body.get("errors") for body in bodies] == [None] * 50
    assert await follows(db, probe["users"][1], probe["organization_id"]) == 1


async def test_following_needs_a_signed_in_person(gql: GraphQL, probe: dict[str, Any],
                                                  db: Database) -> None:
    body = await gql(FOLLOW, subject=probe["organization"])
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None


async def test_what_the_viewer_may_not_see_cannot_be_followed(
        as_viewer: AsViewer, probe: dict[str, Any], db: Database) -> None:
    hidden = ids.encode("Proposal", str(uuid.uuid4()))  # as if a draft: no such visible node
    body = await as_viewer(probe["users"][0])(FOLLOW, subject=hidden)
    assert error_codes(body) == ["NOT_FOUND"]


async def test_nobody_follows_themselves_and_bad_ids_are_refused(
        as_viewer: AsViewer, probe: dict[str, Any], db: Database) -> None:
    viewer = as_viewer(probe["users"][0])
    self_follow = await viewer.data(FOLLOW, subject=ids.encode("User", probe["users"][0]))
    assert self_follow["follow"]["userErrors"] == [
        {"field": "subject", "code": "NOT_ALLOWED", "message": "You cannot follow yourself."}]
    assert await follows(db, probe["users"][0], probe["users"][0]) == 0
    for subject in ("not-an-id", ids.encode("S3Area", str(uuid.uuid4()))):
        assert error_codes(await viewer(FOLLOW, subject=subject)) == ["BAD_USER_INPUT"]
