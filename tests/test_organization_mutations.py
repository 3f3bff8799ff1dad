"""createOrganization, updateOrganization, setOrganizationCompetences: who may, and the rules."""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import UTC, datetime
from typing import Any

from app import ids
from app.db import Database
from seeds.generate.actors import vat_number
from tests.actor_probe import ActorProbe, actors
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher

__all__ = ["actors"]

CREATE = """
mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      id name kind vatNumber website foundedYear country province
      members { edges { role node { id } } }
      competences { edges { distinctive node { id } } }
    }
    userErrors { field code }
  }
}"""

UPDATE = """
mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    organization { id name city website vatNumber } userErrors { field code }
  }
}"""

COMPETENCES = """
mutation($organization: ID!, $competences: [HeldCompetenceInput!]!) {
  setOrganizationCompetences(input: {organization: $organization, competences: $competences}) {
    organization { competences { edges { distinctive node { id } } } }
    userErrors { field code }
  }
}"""

READ = """
query($id: ID!) { node(id: $id) { ... on Organization { name city website vatNumber } } }"""


def _fresh_vat_number() -> str:
    return vat_number(random.Random(uuid.uuid4().int))


async def _competences(db: Database, count: int) -> list[str]:
    rows = await run_test_cypher(db, "some_competences", count=count)
    return [ids.encode("Competence", row["id"]) for row in rows]


async def test_the_creator_becomes_the_admin(as_viewer: AsViewer, actors: ActorProbe,
                                             db: Database) -> None:
    [competence] = await _competences(db, 1)
    number = _fresh_vat_number()
    answer = await as_viewer(actors.people["outsider"]).data(CREATE, input={
        "name": "Probe Meccanica SRL", "kind": "SME", "vatNumber": number,
        "website": "https://probe.example.it", "foundedYear": 1999, "province": "LECCO",
        "competences": [{"competence": competence, "distinctive": True}]})
    created = answer["createOrganization"]
    organization = created["organization"]
    actors.forget_later(organization["id"])
    assert created["userErrors"] == []
    assert (organization["name"], organization["vatNumber"], organization["country"]) == (
        "Probe Meccanica SRL", number, "IT")
    assert organization["members"]["edges"] == [
        {"role": "ADMIN", "node": {"id": actors.user("outsider")}}]
    assert organization["competences"]["edges"] == [
        {"distinctive": True, "node": {"id": competence}}]


async def test_a_vat_number_belongs_to_one_organization(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    number = _fresh_vat_number()
    viewer = as_viewer(actors.people["other"])
    bodies = await asyncio.gather(*(viewer(CREATE, input={
        "name": f"Probe Twin {index}", "kind": "STARTUP", "vatNumber": number})
        for index in range(5)))
    assert [body.get("errors") for body in bodies] == [None] * 5
    payloads = [body["data"]["createOrganization"] for body in bodies]
    for payload in payloads:
        if payload["organization"]:
            actors.forget_later(payload["organization"]["id"])
    assert sorted(str(payload["userErrors"]) for payload in payloads) == sorted(
        ["[]"] + [str([{"field": "vatNumber", "code": "TAKEN"}])] * 4)
    [row] = await run_test_cypher(db, "organization_by_vat_number", vatNumber=number)
    assert row["organizations"] == 1


async def test_each_invalid_organization_field_is_named_and_nothing_is_created(
        as_viewer: AsViewer, actors: ActorProbe, db: Database) -> None:
    viewer = as_viewer(actors.people["other"])
    number = _fresh_vat_number()
    wrong_digit = number[:10] + str((int(number[10]) + 1) % 10)
    next_year = datetime.now(UTC).year + 1
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"name": "X"}, "name", "TOO_SHORT"),
        ({"vatNumber": wrong_digit}, "vatNumber", "INVALID"),
        ({"vatNumber": "1234"}, "vatNumber", "INVALID"),
        ({"website": "ftp://probe.example.it"}, "website", "INVALID"),
        ({"website": "probe.example.it"}, "website", "INVALID"),
        ({"foundedYear": 1799}, "foundedYear", "OUT_OF_RANGE"),
        ({"foundedYear": next_year}, "foundedYear", "OUT_OF_RANGE"),
        ({"country": "Italy"}, "country", "INVALID"),
        ({"competences": [{"competence": ids.encode("Competence", str(uuid.uuid4()))}]},
         "competences.0.competence", "NOT_FOUND"),
    ]
    for given, field, code in cases:
        answer = await viewer.data(CREATE, input={
            "name": "Probe Invalid", "kind": "SME", "vatNumber": number, **given})
        assert answer["createOrganization"] == {
            "organization": None, "userErrors": [{"field": field, "code": code}]}, given
    [row] = await run_test_cypher(db, "organization_by_vat_number", vatNumber=number)
    assert row["organizations"] == 0


async def test_admins_and_platform_admins_change_an_organization(
        as_viewer: AsViewer, actors: ActorProbe) -> None:
    for person, city in (("admin", "Lecco"), ("platform_admin", "Lodi")):
        answer = await as_viewer(actors.people[person]).data(UPDATE, input={
            "organization": actors.organization, "city": city,
            "website": "http://probe.example.it"})
        assert answer["updateOrganization"]["organization"]["city"] == city
    cleared = await as_viewer(actors.people["admin"]).data(UPDATE, input={
        "organization": actors.organization, "website": None})
    organization = cleared["updateOrganization"]["organization"]
    assert (organization["city"], organization["website"]) == ("Lodi", None)


async def test_members_outsiders_and_anonymous_visitors_may_not_change_it(
        as_viewer: AsViewer, gql: GraphQL, actors: ActorProbe) -> None:
    before = await as_viewer(None).data(READ, id=actors.organization)
    change = {"organization": actors.organization, "name": "Taken over"}
    for person in ("member", "outsider"):
        body = await as_viewer(actors.people[person])(UPDATE, input=change)
        assert error_codes(body) == ["FORBIDDEN"], person
        body = await as_viewer(actors.people[person])(
            COMPETENCES, organization=actors.organization, competences=[])
        assert error_codes(body) == ["FORBIDDEN"], person
    assert error_codes(await gql(UPDATE, input=change)) == ["UNAUTHENTICATED"]
    missing = {"organization": ids.encode("Organization", str(uuid.uuid4())), "name": "None"}
    assert error_codes(await as_viewer(actors.people["admin"])(UPDATE, input=missing)) == [
        "NOT_FOUND"]
    invalid = await as_viewer(actors.people["admin"]).data(
        UPDATE, input={"organization": actors.organization, "name": None})
    assert invalid["updateOrganization"]["userErrors"] == [{"field": "name", "code": "REQUIRED"}]
    assert await as_viewer(None).data(READ, id=actors.organization) == before


async def test_a_vat_number_taken_elsewhere_cannot_be_given(
        as_viewer: AsViewer, actors: ActorProbe) -> None:
    number = _fresh_vat_number()
    viewer = as_viewer(actors.people["admin"])
    created = await viewer.data(CREATE, input={"name": "Probe Holder", "kind": "SME",
                                               "vatNumber": number})
    actors.forget_later(created["createOrganization"]["organization"]["id"])
    answer = await viewer.data(UPDATE, input={"organization": actors.organization,
                                              "vatNumber": number})
    assert answer["updateOrganization"] == {
        "organization": None, "userErrors": [{"field": "vatNumber", "code": "TAKEN"}]}
    after = await viewer.data(READ, id=actors.organization)
    assert after["node"]["vatNumber"] is None


async def test_competences_replace_the_present_ones(as_viewer: AsViewer, actors: ActorProbe,
                                                    db: Database) -> None:
    competences = await _competences(db, 3)
    viewer = as_viewer(actors.people["admin"])
    await viewer.data(COMPETENCES, organization=actors.organization, competences=[
        {"competence": competences[0]}, {"competence": competences[1], "distinctive": True}])
    answer = await viewer.data(COMPETENCES, organization=actors.organization, competences=[
        {"competence": competences[1]}, {"competence": competences[2], "distinctive": True}])
    edges = answer["setOrganizationCompetences"]["organization"]["competences"]["edges"]
    assert sorted((edge["node"]["id"], edge["distinctive"]) for edge in edges) == sorted(
        [(competences[1], False), (competences[2], True)])
    refused = await viewer.data(COMPETENCES, organization=actors.organization, competences=[
        {"competence": competences[0]},
        {"competence": ids.encode("Competence", str(uuid.uuid4()))}])
    assert refused["setOrganizationCompetences"] == {
        "organization": None,
        "userErrors": [{"field": "competences.1.competence", "code": "NOT_FOUND"}]}
