"""An export imported into an empty database gives the same proposals: the territorial
proposals marked for international dissemination, exported from the test database by
`GET /export/een`, are imported by the command's code (`python -m seeds.een import`) into a
second Neo4j, the local instance `empty`, started for this module with nothing in it, and read
back field by field through the API."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from defusedxml.ElementTree import fromstring
from pydantic import SecretStr

from app import ids
from app.db import Database, connect
from app.settings import Settings
from localdb import instance
from schema.een.mapping import keyword_mapping
from seeds.een import import_command
from tests.accounts_api import bearer_token
from tests.conftest import AsViewer, Viewer
from tests.test_een_export import _profile_of, competence, mark, published
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

FIELDS = """
  externalRef title summary description kind status country deadline collaborationTypes
  developmentStage ipr
  keywords(first: 50) { edges { node { scheme code label } } }
  soughtCompetences(first: 50) { edges { node { name } } }
  s3Areas(first: 50) { edges { node { code } } }"""
READ = "query($id: ID!) { node(id: $id) { ... on Proposal {" + FIELDS + "} } }"
ALL = "query { proposals(first: 100) { totalCount edges { node {" + FIELDS + "} } } }"


@pytest.fixture(scope="module")
def empty_neo4j(settings: Settings,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """The settings of the local instance `empty`, started with no data for this module (its
    own document folder too) and stopped after it."""
    server = instance("empty")
    server.stop()  # one left running by an interrupted session
    server.wipe()
    server.start()
    try:
        yield settings.model_copy(update={
            "neo4j_uri": server.uri, "neo4j_password": SecretStr(server.password()),
            "documents_path": tmp_path_factory.mktemp("empty-documents")})
    finally:
        server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def empty_db(empty_neo4j: Settings) -> AsyncIterator[Database]:
    async with connect(empty_neo4j) as database:
        yield database


def shape(proposal: dict[str, Any]) -> dict[str, Any]:
    """A proposal as compared: its fields, the lists sorted."""
    edges = {name: proposal[name]["edges"]
             for name in ("keywords", "soughtCompetences", "s3Areas")}
    return proposal | {
        "collaborationTypes": sorted(proposal["collaborationTypes"]),
        "keywords": sorted((e["node"]["scheme"], e["node"]["code"], e["node"]["label"])
                           for e in edges["keywords"]),
        "soughtCompetences": sorted(e["node"]["name"] for e in edges["soughtCompetences"]),
        "s3Areas": sorted(e["node"]["code"] for e in edges["s3Areas"])}


def s3_area(code: str) -> str:
    return ids.encode("S3Area", keyword_mapping().taxonomy.s3_id(code))


async def test_an_export_imported_into_an_empty_database_gives_the_same_proposals(
        as_viewer: AsViewer, workflow: Workflow, client: httpx.AsyncClient, db: Database,
        settings: Settings, empty_db: Database, empty_neo4j: Settings,
        tmp_path: Path) -> None:
    # S3 areas travel as the keywords of the competences (POD has no field of its own for
    # them): a proposal tagged with its competences' areas comes back with the same
    offer = await published(
        as_viewer, workflow, "TECHNOLOGY_OFFER",
        ["additive-manufacturing", "artificial-intelligence"],
        s3Areas=[s3_area(code) for code in (
            "S3-2014-MANIFATTURIERO-AVANZATO", "S3-2021-MANIFATTURA-AVANZATA",
            "S3-2021-CONNETTIVITA-E-INFORMAZIONE", "S3-2014-SMART-CITIES-AND-COMMUNITIES")])
    request = await published(
        as_viewer, workflow, "BUSINESS_REQUEST", ["food-technology"],
        title=f"Distributori di caffè d'orzo e gianduia — «{uuid.uuid4().hex[:6]}» ☕",
        summary=None, description=None, collaborationTypes=["COMMERCIAL_AGREEMENT"],
        developmentStage=None, ipr=None, deadline=None,
        s3Areas=[s3_area("S3-2014-AGROALIMENTARE"), s3_area("S3-2021-NUTRIZIONE")])
    collaboration = await published(as_viewer, workflow, "COLLABORATION",
                                    ["lean-manufacturing"])
    unmarked = await published(as_viewer, workflow, "CHALLENGE", [])
    for gid in (offer, request, collaboration):
        await mark(as_viewer, workflow.people["facilitator"], gid)

    token = await bearer_token(db, settings, workflow.people["facilitator"])
    response = await client.get("/export/een", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert 'filename="een-profiles.xml"' in response.headers["content-disposition"]
    exported = response.content
    with pytest.raises(ValueError):
        _profile_of(exported, unmarked)
    # POD has no collaboration: it goes as an R&D request, its competence (no keyword names
    # lean manufacturing) as the keywords of the broader advanced manufacturing
    other = _profile_of(exported, collaboration)
    assert other.findtext("reference/type") == "RDR"
    assert ("TECHNOLOGY", "01001005") in {
        ("TECHNOLOGY", item.findtext("key")) for item in other.iter("technology")}
    profile = _profile_of(exported, offer)
    assert (profile.findtext("reference/type"), profile.findtext("reference/external")) == (
        "TO", "OIG-" + ids.decode_as(offer, "Proposal"))

    empty = Viewer(empty_db, empty_neo4j, None)
    assert (await empty.data(ALL))["proposals"]["totalCount"] == 0
    file = tmp_path / "een-profiles.xml"
    file.write_bytes(exported)
    assert await import_command(empty_db, empty_neo4j, [file], 10**7, quiet=True) is True
    copies = {node["externalRef"]: node for node in
              (edge["node"] for edge in (await empty.data(ALL))["proposals"]["edges"])}
    assert len(copies) == len(fromstring(exported).findall("profile"))

    admin = as_viewer(workflow.people["admin"])
    for gid in (offer, request):
        original = shape((await admin.data(READ, id=gid))["node"])
        reference = "OIG-" + ids.decode_as(gid, "Proposal")
        copy = shape(copies[reference])
        # a territorial proposal has no keywords nor country of its own: it is exported with
        # the keywords of its competences and the country of its organization (the probe's
        # is Italian), which the copy carries
        assert original["country"] is None
        expected = original | {"externalRef": reference, "country": "IT", "keywords": sorted(
            (k.scheme, k.code, k.label) for k in keyword_mapping().keywords_for(
                [ids.decode_as(competence(name), "Competence")
                 for name in _keys(original["soughtCompetences"])]))}
        assert copy == expected
        assert copy["keywords"] and copy["soughtCompetences"] and copy["s3Areas"]

    # and importing the same file again changes nothing
    assert await import_command(empty_db, empty_neo4j, [file], 10**7, quiet=True) is True
    again = {edge["node"]["externalRef"]: shape(edge["node"])
             for edge in (await empty.data(ALL))["proposals"]["edges"]}
    assert again == {reference: shape(node) for reference, node in copies.items()}


def _keys(names: list[str]) -> list[str]:
    """The taxonomy keys of competences named as the API shows them."""
    taxonomy = keyword_mapping().taxonomy
    by_name = {taxonomy.competence(key)["name"]: key for key in taxonomy.all_keys}
    return [by_name[name] for name in names]
