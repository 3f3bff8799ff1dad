"""Territorial proposals marked for international dissemination, exported as POD profiles:
who may mark which proposals, who may export, and that an export imported again gives the
same proposals. Also the command line and the multipart upload of a file."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from app import ids
from app.db import Database
from app.settings import Settings
from schema.een.mapping import keyword_mapping
from schema.een.profiles import read_file
from seeds.een import export_file, import_files
from tests.accounts_api import bearer_token
from tests.conftest import AsViewer, error_codes
from tests.een_files import IMPORT, Run, run_fixture  # noqa: F401 (a fixture)
from tests.event_probe import Log
from tests.test_document_mutations import Uploads
from tests.test_proposal_mutations import CREATE, act
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)

MARK = """
mutation($input: SetProposalDisseminationInput!) { setProposalDissemination(input: $input) {
  proposal { id internationalDissemination }
  userErrors { field code }
} }"""

READ = """
query($id: ID!) { node(id: $id) { ... on Proposal {
  title summary description kind status country deadline collaborationTypes developmentStage ipr
  internationalDissemination
  keywords(first: 50) { edges { node { scheme code } } }
  soughtCompetences(first: 50) { edges { node { name } } }
} } }"""


def competence(key: str) -> str:
    return ids.encode("Competence", keyword_mapping().taxonomy.competence_id(key))


async def published(as_viewer: AsViewer, workflow: Workflow, kind: str,
                    competences: list[str], **given: Any) -> str:
    """A territorial proposal of the probe's author, published by its facilitator (`given`
    replaces fields of its input)."""
    body = await as_viewer(workflow.people["author"]).data(CREATE, input={
        "title": f"Stampa 3D per l'aerospazio — {uuid.uuid4().hex[:6]}", "kind": kind,
        "summary": "Cerchiamo partner europei per la manifattura additiva.",
        "description": "Un'azienda di Brescia con 40 addetti; qualità certificata.",
        "collaborationTypes": ["RESEARCH", "LICENSE"], "developmentStage": "LAB_TESTED",
        "ipr": "PATENT_PENDING", "deadline": "2099-09-30",
        "soughtCompetences": [competence(key) for key in competences],
        "onBehalfOf": ids.encode("Organization", workflow.organization)} | given)
    gid: str = body["createProposal"]["proposal"]["id"]
    await act(as_viewer, workflow.people["author"], "submit", gid)
    await act(as_viewer, workflow.people["facilitator"], "validate", gid)
    return gid


async def mark(as_viewer: AsViewer, viewer: str | None, gid: str,
               disseminate: bool = True) -> dict[str, Any]:
    return await as_viewer(viewer)(MARK, input={"proposal": gid, "disseminate": disseminate})


async def test_facilitators_mark_published_territorial_proposals_only(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    gid = await published(as_viewer, workflow, "TECHNOLOGY_OFFER", ["additive-manufacturing"])
    log = Log(db)
    await log.mark()
    facilitator = workflow.people["facilitator"]
    body = await mark(as_viewer, facilitator, gid)
    assert body["data"]["setProposalDissemination"] == {
        "proposal": {"id": gid, "internationalDissemination": True}, "userErrors": []}
    await mark(as_viewer, facilitator, gid)  # again: nothing more
    [event] = await log.about(ids.decode_as(gid, "Proposal"))
    assert (event.type, event.payload["fields"]) == (
        "PROPOSAL_UPDATED", ["internationalDissemination"])
    for role, code in (("author", "FORBIDDEN"), ("outsider", "FORBIDDEN")):
        assert error_codes(await mark(as_viewer, workflow.people[role], gid, False)) == [code]
    assert error_codes(await mark(as_viewer, None, gid)) == ["UNAUTHENTICATED"]

    draft = await workflow.proposal("DRAFT")
    body = await mark(as_viewer, facilitator, draft["gid"])
    assert body["data"]["setProposalDissemination"]["userErrors"] == [
        {"field": "proposal", "code": "INVALID_TRANSITION"}]
    een = (await as_viewer(workflow.people["admin"]).data(IMPORT, input={
        "xml": run.text("profiles.xml")}))["importEenProfiles"]["reports"][0]["proposal"]["id"]
    body = await mark(as_viewer, facilitator, een)
    assert body["data"]["setProposalDissemination"]["userErrors"][0]["code"] == (
        "INVALID_TRANSITION")

    body = await mark(as_viewer, facilitator, gid, False)
    assert body["data"]["setProposalDissemination"]["proposal"][
        "internationalDissemination"] is False


def _profile_of(xml: bytes, gid: str) -> Any:
    """The profile element of the proposal `gid` in an export."""
    internal = ids.decode_as(gid, "Proposal")
    [profile] = [element for element in fromstring(xml).iter("profile")
                 if element.findtext("reference/internal") == internal]
    return profile


async def test_only_facilitators_export(
        workflow: Workflow, client: httpx.AsyncClient, db: Database,
        settings: Settings) -> None:
    assert (await client.get("/export/een")).status_code == 401
    token = await bearer_token(db, settings, workflow.people["outsider"])
    response = await client.get("/export/een", headers={"Authorization": f"Bearer {token}"})
    assert (response.status_code, response.json()["errors"][0]["extensions"]["code"]) == (
        403, "FORBIDDEN")


async def test_a_file_uploaded_as_multipart_is_imported(
        workflow: Workflow, client: httpx.AsyncClient, db: Database, settings: Settings,
        run: Run) -> None:
    token = await bearer_token(db, settings, workflow.people["admin"])
    body = await Uploads(client).call(
        IMPORT.replace("$input: ImportEenProfilesInput!", "$file: Upload!").replace(
            "importEenProfiles(input: $input)", "importEenProfiles(input: {file: $file})"),
        token, run.text("profiles.xml").encode(), file_name="pod.xml",
        content_type="application/xml")
    assert body["data"]["importEenProfiles"]["created"] == 6


async def test_the_command_imports_files_and_exports(
        workflow: Workflow, db: Database, settings: Settings, run: Run, tmp_path: Path,
        as_viewer: AsViewer, capsys: pytest.CaptureFixture[str]) -> None:
    good, broken, big = tmp_path / "good.xml", tmp_path / "broken.xml", tmp_path / "big.xml"
    good.write_text(run.text("profiles.xml"), encoding="utf-8")
    broken.write_text(run.text("broken.xml"), encoding="utf-8")
    big.write_text("<profiles>" + " " * 20_000 + "</profiles>", encoding="utf-8")
    assert await import_files(db, settings, [good], 10**6) is True
    out, err = capsys.readouterr()
    assert f"good.xml #3 {run.reference('BOPL2024', '03')}: CREATED " \
           "(unmapped: TECHNOLOGY 99001001)" in out
    assert f"{good}: 6 created, 0 updated, 0 closed, 0 unchanged, 0 rejected" in out
    assert "good.xml" in err and "6/6" in err  # the progress bar
    assert await import_files(db, settings, [good, broken, big], 16_384, quiet=True) is False
    out, _ = capsys.readouterr()
    assert f"{good}: 0 created, 0 updated, 0 closed, 6 unchanged, 0 rejected" in out
    assert "broken.xml #2 -: REJECTED MISSING_REFERENCE: " in out
    assert f"{big}: refused: larger than 16384 bytes" in out

    gid = await published(as_viewer, workflow, "BUSINESS_OFFER", ["design"])
    await mark(as_viewer, workflow.people["facilitator"], gid)
    target = tmp_path / "export.xml"
    assert await export_file(db, str(target)) >= 1
    assert _profile_of(target.read_bytes(), gid).findtext("reference/type") == "BO"


async def test_control_characters_in_a_proposal_do_not_spoil_the_export(
        as_viewer: AsViewer, workflow: Workflow, db: Database, tmp_path: Path) -> None:
    # a vertical tab, as word processors paste line breaks: XML 1.0 has no place for it
    gid = await published(as_viewer, workflow, "TECHNOLOGY_OFFER", ["design"],
                          description="Prima riga\x0bseconda riga\x07")
    await mark(as_viewer, workflow.people["facilitator"], gid)
    target = tmp_path / "export.xml"
    await export_file(db, str(target))
    [entry] = [entry for entry in read_file(target.read_bytes(), 10**8)
               if entry.reference == "OIG-" + ids.decode_as(gid, "Proposal")]
    assert entry.profile is not None
    assert entry.profile.description == "Prima riga seconda riga"
