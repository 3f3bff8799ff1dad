"""The platform's roles and access rules, through the API: for each private kind of object,
the people entitled to it see it and everyone else reads it as if it did not exist, on every
path (by id, in lists and their counts, in a parent's connections and figures, in search)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from app import cypher, ids
from app.db import Database
from tests.access_probe import ENTITLED, EVERYONE, ROLES, Access, access_probe
from tests.conftest import AsViewer, error_codes


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def access(db: Database) -> AsyncIterator[Access]:
    async with access_probe(db) as probe:
        yield probe


NODE = "query($id: ID!) { node(id: $id) { id } }"


@pytest.mark.parametrize("key", sorted(ENTITLED))
async def test_each_private_object_is_seen_by_its_entitled_roles_only(
        as_viewer: AsViewer, access: Access, key: str) -> None:
    seen = set()
    for role in ROLES:
        body = await as_viewer(access.viewer(role))(NODE, id=access.gid(key))
        if body["data"]["node"] is not None:
            assert body["data"]["node"] == {"id": access.gid(key)}
            seen.add(role)
        else:
            assert error_codes(body) == ["NOT_FOUND"], (key, role)
    assert seen == ENTITLED[key]


MEMBERS = """query($id: ID!, $statuses: [MembershipStatus!]) { node(id: $id) { ... on Community {
  memberCount members(filter: {statuses: $statuses}) { totalCount edges { status node { id } } }
} } }"""


async def test_memberships_follow_their_status_and_the_community_s_content(
        as_viewer: AsViewer, access: Access) -> None:
    requested = {"requester", "manager", "admin"}
    content = ENTITLED["reserved_discussion"]
    for role in ROLES:
        viewer = as_viewer(access.viewer(role))
        data = await viewer.data(MEMBERS, id=access.gid("reserved_community"),
                                 statuses=["REQUESTED"])
        assert data["node"]["memberCount"] == 2  # a public figure
        listed = data["node"]["members"]
        assert listed["totalCount"] == (1 if role in requested else 0), role
        assert [edge["node"]["id"] for edge in listed["edges"]] == (
            [ids.encode("User", access.people["requester"])] if role in requested else [])
        active = await viewer.data(MEMBERS, id=access.gid("reserved_community"),
                                   statuses=["ACTIVE"])
        assert active["node"]["members"]["totalCount"] == (2 if role in content else 0), role


MY_COMMUNITIES = """query($id: ID!) { node(id: $id) { ... on User {
  communities(filter: {statuses: null}) { totalCount edges { status node { id } } } } } }"""


async def test_a_person_s_own_memberships_are_theirs_to_see(
        as_viewer: AsViewer, access: Access) -> None:
    requester = access.people["requester"]
    mine = await as_viewer(requester).data(MY_COMMUNITIES, id=ids.encode("User", requester))
    assert [(e["status"], e["node"]["id"]) for e in mine["node"]["communities"]["edges"]] == [
        ("REQUESTED", access.gid("reserved_community"))]
    for role in ("anonymous", "outsider", "member", "facilitator", "other_manager"):
        theirs = await as_viewer(access.viewer(role)).data(MY_COMMUNITIES,
                                                           id=ids.encode("User", requester))
        assert theirs["node"]["communities"]["totalCount"] == 0, role
    invited = access.people["invited"]
    mine = await as_viewer(invited).data(MY_COMMUNITIES, id=ids.encode("User", invited))
    assert [(e["status"], e["node"]["id"]) for e in mine["node"]["communities"]["edges"]] == [
        ("INVITED", access.gid("closed_community"))]


EMAIL = "query($id: ID!) { node(id: $id) { ... on User { email } } }"


async def test_an_email_address_is_for_its_owner_and_platform_admins(
        as_viewer: AsViewer, access: Access) -> None:
    owner = access.people["member"]
    for role in ROLES:
        data = await as_viewer(access.viewer(role)).data(EMAIL, id=ids.encode("User", owner))
        expected = f"{access.word}-member@example.org" if role in ("member", "admin") else None
        assert data["node"]["email"] == expected, role


async def test_no_field_reaches_a_password_hash(as_viewer: AsViewer, access: Access) -> None:
    fields = await as_viewer(access.viewer("admin")).data(
        '{ __type(name: "User") { fields { name } } }')
    names = {f["name"].lower() for f in fields["__type"]["fields"]}
    assert names and not {name for name in names if "password" in name or "hash" in name}
    # no fragment projects a node's whole property map
    for path in (cypher.CYPHER_ROOT / "queries").rglob("*.cypher"):
        text = path.read_text()
        assert ".*" not in text and "properties(n)" not in text, path


# Each path the walk reads, one operation each (parallel statements would share one cold
# planner, and each statement has its own time-out).
WALK_PARTS = [
    """
  nodes(ids: $ids) { id }""",
    """
  communities(filter: {nameContains: $word}, first: 50) { totalCount edges { node { id } } }""",
    """
  discussions(filter: {community: $reserved}, first: 50) { totalCount edges { node { id } } }""",
    """
  closedDiscussions: discussions(filter: {community: $closed}, first: 50) { totalCount }""",
    """
  proposals(filter: {proposingOrganization: $organization}, first: 50) {
    totalCount edges { node { id } } }""",
    """
  search(query: $word, first: 50) { totalCount edges { node { id } } }""",
    """
  open: node(id: $open) { ... on Community {
    subCommunityCount subCommunities(first: 50) { totalCount edges { node { id } } } } }""",
    """
  reserved: node(id: $reserved) { ... on Community {
    discussions(first: 50) { totalCount edges { node { id
      comments(first: 50) { totalCount edges { node { id } } } } } }
    documents(first: 50) { totalCount edges { node { id } } }
    members(filter: {statuses: null}, first: 50) { totalCount edges { node { id } } } } }""",
    """
  project: node(id: $project) { ... on Project {
    budgetLines(first: 50) { totalCount edges { node { id } } }
    budgetByCategory { category }
    documents(first: 50) { totalCount edges { node { id } } } } }""",
    """
  published: node(id: $published) { ... on Proposal {
    interestCount expressionsOfInterest(first: 50) { totalCount edges { node { id } } } } }""",
    """
  organization: node(id: $organization) { ... on Organization {
    proposals(first: 50) { totalCount edges { node { id } } } } }""",
    """
  proposer: node(id: $proposer) { ... on User {
    proposals(first: 50) { totalCount edges { node { id } } } } }""",
    """
  interested: node(id: $interested) { ... on User {
    expressionsOfInterest(first: 50) { totalCount edges { node { id } } } } }""",
    """
  member: node(id: $member) { ... on User {
    communities(filter: {statuses: null}, first: 50) { totalCount edges { node { id } } }
    discussions(first: 50) { totalCount edges { node { id } } } } }""",
]
VARIABLE_TYPES = {"word": "String!", "ids": "[ID!]!"}


async def _walk(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
    """Every path of WALK_PARTS as `viewer`, the answers merged into one `data`."""
    data: dict[str, Any] = {}
    for part in WALK_PARTS:
        used = {name: value for name, value in variables.items() if f"${name}" in part}
        declared = ", ".join(f"${name}: {VARIABLE_TYPES.get(name, 'ID!')}" for name in used)
        data.update(await viewer.data(f"query({declared}) {{\n{part}\n}}", **used))
    return data


def _found_ids(data: Any) -> set[str]:
    """Every `id` anywhere in a response."""
    if isinstance(data, dict):
        return {value for key, value in data.items() if key == "id" and isinstance(value, str)} | {
            found for value in data.values() for found in _found_ids(value)}
    if isinstance(data, list):
        return {found for value in data for found in _found_ids(value)}
    return set()


def _total_counts(data: Any) -> list[int]:
    if isinstance(data, dict):
        return [value for key, value in data.items() if key == "totalCount"] + [
            count for value in data.values() for count in _total_counts(value)]
    return []


@pytest.mark.parametrize("role", ["outsider", "anonymous", "other_admin", "other_manager"])
async def test_an_outsider_finds_no_private_object_on_any_path(
        as_viewer: AsViewer, access: Access, role: str) -> None:
    private = {key for key, entitled in ENTITLED.items()
               if entitled != EVERYONE and role not in entitled}
    assert private == set(ENTITLED) - {"reserved_community"}
    private_ids = {access.gid(key) for key in private}
    p = access.people
    variables = {
        "word": access.word, "open": access.gid("open_community"),
        "reserved": access.gid("reserved_community"), "closed": access.gid("closed_community"),
        "project": access.gid("project"), "published": access.gid("published_proposal"),
        "organization": access.gid("organization"),
        "proposer": ids.encode("User", p["proposer"]),
        "interested": ids.encode("User", p["interested"]),
        "member": ids.encode("User", p["member"]), "ids": sorted(private_ids)}
    data = await _walk(as_viewer(access.viewer(role)), variables)
    assert data["nodes"] == [None] * len(private_ids)
    assert _found_ids(data).isdisjoint(private_ids)
    # what stays in sight, and counts that count only it
    assert {e["node"]["id"] for e in data["communities"]["edges"]} >= {
        access.gid("open_community"), access.gid("reserved_community")}
    assert data["communities"]["totalCount"] == len(data["communities"]["edges"]) == 3
    assert data["open"]["subCommunityCount"] == 1
    assert data["open"]["subCommunities"]["totalCount"] == 1
    assert data["proposals"]["totalCount"] == 1
    assert data["organization"]["proposals"]["totalCount"] == 1
    assert data["proposer"]["proposals"]["totalCount"] == 1
    assert data["published"]["interestCount"] == 1  # a public figure
    assert data["project"]["budgetByCategory"] == []
    searched = {e["node"]["id"] for e in data["search"]["edges"]}
    assert access.gid("reserved_community") in searched
    assert data["search"]["totalCount"] == len(searched)
    # every other list is empty, and says so
    empty = [data["discussions"], data["closedDiscussions"], data["reserved"]["discussions"],
             data["reserved"]["documents"], data["reserved"]["members"],
             data["project"]["budgetLines"], data["project"]["documents"],
             data["published"]["expressionsOfInterest"],
             data["interested"]["expressionsOfInterest"], data["member"]["communities"],
             data["member"]["discussions"]]
    assert [_total_counts(part)[0] for part in empty] == [0] * len(empty)


async def test_the_entitled_find_them_on_the_same_paths(as_viewer: AsViewer,
                                                        access: Access) -> None:
    """The walk above is not empty by construction: a platform admin finds everything."""
    p = access.people
    variables = {
        "word": access.word, "open": access.gid("open_community"),
        "reserved": access.gid("reserved_community"), "closed": access.gid("closed_community"),
        "project": access.gid("project"), "published": access.gid("published_proposal"),
        "organization": access.gid("organization"),
        "proposer": ids.encode("User", p["proposer"]),
        "interested": ids.encode("User", p["interested"]),
        "member": ids.encode("User", p["member"]),
        "ids": sorted(access.gid(key) for key in ENTITLED)}
    data = await _walk(as_viewer(access.viewer("admin")), variables)
    assert None not in data["nodes"]
    expected = {access.gid(key) for key in ENTITLED}
    found = _found_ids({key: value for key, value in data.items() if key != "nodes"})
    assert expected - found == set()
    assert data["communities"]["totalCount"] == 4
    assert data["open"]["subCommunityCount"] == data["open"]["subCommunities"]["totalCount"] == 2
    assert data["proposals"]["totalCount"] == 3
    assert data["search"]["totalCount"] == len(data["search"]["edges"]) >= 6
    assert data["project"]["budgetByCategory"] == [{"category": "TRAVEL"}]
