"""The events that people's and organizations' mutations record: registering, profiles,
follows, organizations and their memberships (what each says, and who may receive it)."""

from __future__ import annotations

import uuid
from typing import Any

from app import ids
from app.db import Database
from tests.accounts_api import REGISTER, People
from tests.actor_probe import ActorProbe, actors
from tests.conftest import AsViewer, error_codes, run_test_cypher
from tests.event_probe import audience, log_end, payload, recorded, shape, since
from tests.test_follow_mutations import FOLLOW, UNFOLLOW
from tests.test_membership_mutations import ANSWER, HAND_OVER, INVITE, LEAVE, REMOVE, REQUEST
from tests.test_organization_mutations import COMPETENCES, CREATE, READ, UPDATE
from tests.test_profile_mutations import INTERESTS, SKILLS
from tests.test_profile_mutations import UPDATE as UPDATE_PROFILE

__all__ = ["actors"]


async def _taxonomy(db: Database, count: int) -> tuple[list[str], list[str]]:
    """Node ids of some S3 areas and of `count` competences."""
    areas = [row["id"] for row in await run_test_cypher(db, "some_s3_areas")]
    competences = [row["id"] for row in await run_test_cypher(db, "some_competences",
                                                              count=count)]
    return areas, competences


def _gids(type_name: str, node_ids: list[str]) -> list[str]:
    return [ids.encode(type_name, node_id) for node_id in node_ids]


async def test_registering_records_the_new_person_without_their_email(
        as_viewer: AsViewer, db: Database) -> None:
    person = People().new()
    before = await log_end(db)
    try:
        answer = (await as_viewer(None).data(REGISTER, **person))["register"]
        user_id = ids.decode_as(answer["user"]["id"], "User")
        [event] = await recorded(db, before, user_id)
        assert shape(event) == ("USER_REGISTERED", "User", user_id, "User", user_id, None)
        assert event.actor_id == user_id  # they opened their own account
        assert payload(event) == {"handle": person["handle"], "displayName": person["name"]}
        assert "@" not in event.payload

        before = await log_end(db)
        handle = f"probe-{uuid.uuid4().hex[:12]}"
        taken = await as_viewer(None).data(REGISTER, **{**person, "handle": handle})
        assert taken["register"]["userErrors"][0]["code"] == "TAKEN"
        assert [event for event in await since(db, before)
                if event.type == "USER_REGISTERED" and payload(event)["handle"] == handle] == []
    finally:
        await run_test_cypher(db, "delete_accounts", emailKeys=[person["email"].lower()],
                              ids=[])


async def test_profile_changes_record_what_changed(as_viewer: AsViewer, actors: ActorProbe,
                                                  db: Database) -> None:
    viewer = as_viewer(actors.people["member"])
    member = actors.people["member"]
    areas, competences = await _taxonomy(db, 3)
    before = await log_end(db)
    await viewer.data(UPDATE_PROFILE, input={"displayName": "Giulia Rossi", "headline": "PhD"})
    await viewer.data(INTERESTS, areas=_gids("S3Area", areas[:2]),
                      competences=_gids("Competence", competences[:1]))
    await viewer.data(SKILLS, skills=[{"competence": ids.encode("Competence", competences[2]),
                                       "level": "EXPERT"}])
    missing = ids.encode("Competence", str(uuid.uuid4()))
    refused = await viewer.data(INTERESTS, areas=[], competences=[missing])
    assert refused["setInterests"]["userErrors"][0]["code"] == "NOT_FOUND"
    refused = await viewer.data(SKILLS, skills=[{"competence": missing, "level": "BASIC"}])
    assert refused["setSkills"]["userErrors"][0]["code"] == "NOT_FOUND"

    profile, interests, skills = await recorded(db, before, member)
    for event in (profile, interests, skills):
        assert shape(event) == ("PROFILE_UPDATED", "User", member, "User", member, None)
        assert event.actor_id == member
    assert sorted(payload(profile)["fields"]) == ["displayName", "headline"]
    assert payload(profile)["displayName"] == "Giulia Rossi"
    assert payload(interests) == {"fields": ["interests"]}
    assert (interests.s3_areas, interests.competences) == (
        frozenset(areas[:2]), frozenset(competences[:1]))
    assert payload(skills) == {"fields": ["skills"]}
    assert skills.competences == frozenset(competences[2:])


async def test_follows_record_a_change_only(as_viewer: AsViewer, actors: ActorProbe,
                                            db: Database) -> None:
    viewer = as_viewer(actors.people["member"])
    before = await log_end(db)
    for query in (FOLLOW, FOLLOW, UNFOLLOW, UNFOLLOW):
        assert error_codes(await viewer(query, subject=actors.organization)) == []
    self_follow = await viewer.data(FOLLOW, subject=actors.user("member"))
    assert self_follow["follow"]["userErrors"][0]["code"] == "NOT_ALLOWED"
    followed, unfollowed = await recorded(db, before, actors.organization_id,
                                          actors.people["member"])
    organization = actors.organization_id
    assert shape(followed) == ("FOLLOWED", "Organization", organization, "Organization",
                               organization, None)
    assert shape(unfollowed) == ("UNFOLLOWED", "Organization", organization, "Organization",
                                 organization, None)
    assert followed.actor_id == unfollowed.actor_id == actors.people["member"]


async def test_organizations_record_their_creation_and_changes(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    _, competences = await _taxonomy(db, 2)
    admin = as_viewer(actors.people["admin"])
    before = await log_end(db)
    created = await as_viewer(actors.people["outsider"]).data(CREATE, input={
        "name": "Probe Eventi SRL", "kind": "SME",
        "competences": [{"competence": ids.encode("Competence", competences[0])}]})
    organization = actors.forget_later(created["createOrganization"]["organization"]["id"])
    await admin.data(UPDATE, input={"organization": actors.organization, "city": "Como"})
    await admin.data(COMPETENCES, organization=actors.organization,
                     competences=[{"competence": ids.encode("Competence", competences[1])}])
    forbidden = await as_viewer(actors.people["member"])(
        UPDATE, input={"organization": actors.organization, "city": "Pavia"})
    assert error_codes(forbidden) == ["FORBIDDEN"]

    [creation] = await recorded(db, before, organization)
    assert shape(creation) == ("ORGANIZATION_CREATED", "Organization", organization,
                               "Organization", organization, None)
    assert payload(creation) == {"name": "Probe Eventi SRL", "kind": "SME"}
    assert creation.competences == frozenset(competences[:1])
    update, chosen = await recorded(db, before, actors.organization_id)
    assert (update.type, chosen.type) == ("ORGANIZATION_UPDATED", "ORGANIZATION_UPDATED")
    name = (await admin.data(READ, id=actors.organization))["node"]["name"]
    assert payload(update) == {"fields": ["city"], "name": name}
    assert payload(chosen) == {"fields": ["competences"], "name": name}
    assert chosen.competences == frozenset(competences[1:])


async def test_memberships_are_public_and_pending_ones_for_those_who_administer(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    people, organization = actors.people, actors.organization
    before = await log_end(db)
    steps: list[tuple[str, str, dict[str, Any]]] = [
        (people["outsider"], REQUEST, {}),
        (people["outsider"], REQUEST, {}),  # asked already: nothing changes
        (people["admin"], ANSWER, {"person": actors.user("outsider"), "accept": True}),
        (people["admin"], HAND_OVER, {"person": actors.user("outsider"), "stepDown": False}),
        (people["admin"], REMOVE, {"person": actors.user("outsider")}),
        (people["admin"], INVITE, {"person": actors.user("other")}),
        (people["other"], LEAVE, {}),
        (people["member"], LEAVE, {}),
    ]
    for person, query, variables in steps:
        assert error_codes(await as_viewer(person)(query, organization=organization,
                                                   **variables)) == []
    refused = await as_viewer(people["member"])(ANSWER, organization=organization,
                                                person=actors.user("other"), accept=True)
    assert error_codes(refused) == ["FORBIDDEN"]

    events = await recorded(db, before, actors.organization_id)
    assert [(event.type, event.subject_type) for event in events] == [
        ("ORGANIZATION_MEMBERSHIP_CHANGED", "Organization")] * 7
    said = [(event.scope_type, payload(event)) for event in events]
    assert said == [
        ("OrganizationManagement", {"personId": people["outsider"], "status": "REQUESTED"}),
        ("Organization", {"personId": people["outsider"], "status": "ACTIVE"}),
        ("Organization", {"personId": people["outsider"], "status": "ACTIVE", "role": "ADMIN",
                          "steppedDown": False}),
        ("Organization", {"personId": people["outsider"], "status": "NONE"}),
        ("OrganizationManagement", {"personId": people["other"], "status": "INVITED"}),
        ("OrganizationManagement", {"personId": people["other"], "status": "NONE"}),
        ("Organization", {"personId": people["member"], "status": "NONE"}),
    ]
    assert {event.scope_id for event in events} == {actors.organization_id}
    request, accepted = events[:2]
    assert await audience(db, request, people) == {"admin", "platform_admin"}
    assert await audience(db, accepted, people) == set(people)
