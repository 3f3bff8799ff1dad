"""Importing POD profile exports as EEN proposals through the API: what a file becomes, that
a repeat changes nothing, that newer profiles update and past deadlines close, that broken
profiles are rejected alone, that hostile XML is refused unread, and who may import."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections import Counter
from typing import Any

from app.db import Database
from app.file_store import FileStore
from app.settings import Settings
from schema.een.profiles import read_file
from tests.conftest import AsViewer, Viewer, error_codes, run_test_cypher
from tests.een_files import IMPORT, Run, by_reference, names, run_fixture  # noqa: F401
from tests.event_probe import Log
from tests.workflow_probe import Workflow, workflow_fixture  # noqa: F401 (a fixture)


async def imported(viewer: Viewer, xml: str) -> dict[str, Any]:
    payload: dict[str, Any] = (await viewer.data(IMPORT, input={
        "xml": xml, "clientMutationId": "een"}))["importEenProfiles"]
    assert payload["clientMutationId"] == "een"
    return payload


async def test_a_file_of_every_profile_type_becomes_een_proposals(
        as_viewer: AsViewer, workflow: Workflow, run: Run) -> None:
    admin = as_viewer(workflow.people["admin"])
    payload = await imported(admin, run.text("profiles.xml"))
    assert payload["userErrors"] == []
    assert (payload["created"], payload["updated"], payload["closed"], payload["unchanged"],
            payload["rejected"]) == (6, 0, 0, 0, 0)
    assert [report["index"] for report in payload["reports"]] == [1, 2, 3, 4, 5, 6]
    reports = by_reference(payload)

    italian = reports[run.reference("TOIT2024", "01")]["proposal"]
    assert italian["title"] == "Stampa 3D di metalli per l'aerospazio: qualità certificata"
    assert italian["summary"].startswith("Un'azienda lombarda")
    assert (italian["kind"], italian["origin"], italian["status"], italian["country"]) == (
        "TECHNOLOGY_OFFER", "EEN", "PUBLISHED", "IT")
    assert italian["externalRef"] == run.reference("TOIT2024", "01")
    assert italian["deadline"] == "2099-06-30" and italian["proposedBy"] is None
    assert italian["collaborationTypes"] == ["TECHNICAL_COOPERATION", "LICENSE"]
    assert (italian["developmentStage"], italian["ipr"]) == ("DEMONSTRABLE", "PATENT_GRANTED")
    assert sorted((edge["node"]["scheme"], edge["node"]["code"])
                  for edge in italian["keywords"]["edges"]) == [
        ("MARKET", "01001001"), ("NACE", "C25.62"), ("TECHNOLOGY", "01001001")]
    # TECHNOLOGY 01001001 names additive manufacturing; the market and NACE codes the groups
    # of advanced manufacturing; the areas are those of advanced manufacturing
    assert names(italian["soughtCompetences"], "name") == [
        "Additive manufacturing", "Advanced manufacturing"]
    assert names(italian["s3Areas"], "code") == [
        "S3-2014-MANIFATTURIERO-AVANZATO", "S3-2021-MANIFATTURA-AVANZATA"]
    [document] = [edge["node"] for edge in italian["documents"]["edges"]]
    assert document == {"fileName": f"{run.reference('TOIT2024', '01')}.xml",
                        "mimeType": "application/xml", "version": 1,
                        "title": f"EEN profile {run.reference('TOIT2024', '01')}"}

    german = reports[run.reference("TRDE2024", "02")]["proposal"]
    assert german["title"] == "Gesucht: Sensorik für Präzisionslandwirtschaft"
    assert (german["kind"], german["country"]) == ("TECHNOLOGY_REQUEST", "DE")
    assert german["collaborationTypes"] == ["COMMERCIAL_AGREEMENT"]
    assert names(german["soughtCompetences"], "name") == [
        "Agri-food and nutrition", "IoT, connectivity and electronics", "Precision agriculture"]

    polish = reports[run.reference("BOPL2024", "03")]
    assert polish["proposal"]["kind"] == "BUSINESS_OFFER"
    assert polish["proposal"]["deadline"] is None
    assert polish["proposal"]["status"] == "PUBLISHED"
    assert polish["unmappedKeywords"] == ["TECHNOLOGY 99001001"]
    assert names(polish["proposal"]["keywords"], "label") == [
        "Automotive components", "Quantum widgets"]
    assert names(polish["proposal"]["soughtCompetences"], "name") == [
        "Mobility, automotive and aerospace"]

    japanese = reports[run.reference("BRJP2024", "04")]["proposal"]
    assert japanese["title"] == "日本の食品会社がイタリアのチーズを探しています"
    assert japanese["summary"] is None and japanese["description"] is None
    assert japanese["keywords"]["edges"] == [] and japanese["soughtCompetences"]["edges"] == []
    assert japanese["collaborationTypes"] == [] and japanese["developmentStage"] is None

    greek = reports[run.reference("RDREL2024", "05")]["proposal"]
    assert (greek["kind"], greek["country"], greek["status"]) == (
        "RESEARCH_DEVELOPMENT_REQUEST", "GR", "CLOSED")  # EL is Greece; its deadline passed
    british = reports[run.reference("TOUK2024", "06")]["proposal"]
    assert (british["country"], british["status"], british["ipr"]) == (
        "GB", "CLOSED", "PATENT_PENDING")  # UK is GB; EEN closed its expressions of interest


async def test_importing_the_same_file_again_changes_nothing_and_records_nothing(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    first = await imported(admin, run.text("profiles.xml"))
    ids = [report["proposal"]["id"] for report in first["reports"]]
    log = Log(db)
    await log.mark()
    again = await imported(admin, run.text("profiles.xml"))
    assert [report["result"] for report in again["reports"]] == ["UNCHANGED"] * 6
    assert [report["proposal"]["id"] for report in again["reports"]] == ids
    assert again["reports"][0]["proposal"]["documents"]["edges"][0]["node"]["version"] == 1
    assert await log.by(workflow.people["admin"]) == []
    stored = await run_test_cypher(db, "een_imported", run=run.token)
    assert [row["documents"] for row in stored] == [["EEN"]] * 6


OPEN_EEN_AFTER = """
query($after: Date!) {
  proposals(first: 50, filter: {openOnly: true, origins: [EEN], deadlineAfter: $after}) {
    edges { node { id } }
  }
}"""


async def open_after(viewer: Viewer, day: str) -> list[str]:
    """The ids of the open EEN proposals whose deadline is after `day`."""
    body = await viewer.data(OPEN_EEN_AFTER, after=day)
    return [edge["node"]["id"] for edge in body["proposals"]["edges"]]


def _single(run: Run, title: str, update: str, deadline: str) -> str:
    """The first fixture profile alone, with another title, update time and deadline."""
    text = run.text("profiles.xml")
    start, end = text.index("<profile>"), text.index("</profile>") + len("</profile>")
    profile = text[start:end]
    profile = profile.replace("Stampa 3D di metalli per l'aerospazio: qualità certificata",
                              title)
    profile = profile.replace("<update>2024-01-10T10:00:00Z</update>", f"<update>{update}</update>")
    profile = profile.replace("<deadline>2099-06-30</deadline>", f"<deadline>{deadline}</deadline>")
    return f"<profiles>{profile}</profiles>"


async def test_a_newer_profile_updates_its_proposal_and_a_past_deadline_closes_it(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    first = await imported(admin, _single(run, "First title", "2024-01-10T10:00:00Z",
                                          "2099-06-30"))
    proposal_id = first["reports"][0]["proposal"]["id"]
    log = Log(db)
    await log.mark()
    # the same update time, or an older one: nothing changes, whatever the file says
    for update in ("2024-01-10T10:00:00Z", "2024-01-10T11:00:00+02:00", "2023-12-31"):
        same = await imported(admin, _single(run, "Not newer", update, "2020-01-01"))
        assert same["reports"][0]["result"] == "UNCHANGED"
        assert same["reports"][0]["proposal"]["title"] == "First title"
    assert await log.by(workflow.people["admin"]) == []

    newer = await imported(admin, _single(run, "Newer title", "2024-02-01", "2099-07-31"))
    [report] = newer["reports"]
    assert (report["result"], report["proposal"]["id"]) == ("UPDATED", proposal_id)
    assert (report["proposal"]["title"], report["proposal"]["deadline"],
            report["proposal"]["status"]) == ("Newer title", "2099-07-31", "PUBLISHED")
    [document] = report["proposal"]["documents"]["edges"]
    assert document["node"]["version"] == 2
    events = await log.by(workflow.people["admin"])
    assert [(e.type, e.payload.get("fields")) for e in events] == [
        ("PROPOSAL_UPDATED", ["title", "deadline"]), ("DOCUMENT_VERSION_ADDED", None)]
    # listed as open by its new deadline
    assert await open_after(admin, "2099-07-30") == [proposal_id]

    await log.mark()
    closing = await imported(admin, _single(run, "Newer title", "2024-03-01", "2024-02-29"))
    assert closing["reports"][0]["result"] == "UPDATED"
    assert closing["reports"][0]["proposal"]["status"] == "CLOSED"
    events = await log.by(workflow.people["admin"])
    assert [e.type for e in events] == [
        "PROPOSAL_UPDATED", "PROPOSAL_CLOSED", "DOCUMENT_VERSION_ADDED"]
    assert events[0].payload["fields"] == ["deadline"]
    assert events[1].payload == {"title": "Newer title", "status": "CLOSED",
                                 "previousStatus": "PUBLISHED"}

    await log.mark()
    reopened = await imported(admin, _single(run, "Newer title", "2024-04-01", "2099-12-31"))
    assert reopened["reports"][0]["proposal"]["status"] == "PUBLISHED"
    assert [e.type for e in await log.by(workflow.people["admin"])] == [
        "PROPOSAL_UPDATED", "PROPOSAL_PUBLISHED", "DOCUMENT_VERSION_ADDED"]
    assert await open_after(admin, "2099-12-30") == [proposal_id]


async def test_broken_profiles_are_rejected_alone_with_their_reasons(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    payload = await imported(admin, run.text("broken.xml"))
    assert payload["userErrors"] == []
    assert (payload["created"], payload["rejected"]) == (2, 5)
    found = {report["index"]: report for report in payload["reports"]}
    assert {index: (report["result"], sorted(r["code"] for r in report["rejections"]))
            for index, report in found.items()} == {
        1: ("CREATED", []),
        2: ("REJECTED", ["MISSING_REFERENCE"]),
        3: ("REJECTED", ["UNKNOWN_TYPE"]),
        4: ("REJECTED", ["INVALID_DATE", "INVALID_DATE"]),
        5: ("REJECTED", ["INVALID_COUNTRY", "MISSING_TITLE"]),
        6: ("REJECTED", ["INVALID_KEYWORD"]),
        7: ("CREATED", []),
    }
    assert found[2]["reference"] is None
    assert found[3]["reference"] == run.reference("XXES2024", "13")
    assert all(r["message"] for report in found.values() for r in report["rejections"])
    assert all(found[index]["proposal"] is None for index in range(2, 7))
    # nothing of a rejected profile was written: only the two valid ones exist, whole
    stored = await run_test_cypher(db, "een_imported", run=run.token)
    assert [(row["reference"], row["keywords"], row["documents"]) for row in stored] == [
        (run.reference("BRAT2024", "17"), [], ["EEN"]),
        (run.reference("TOFR2024", "11"), ["TECHNOLOGY 02001001"], ["EEN"])]


async def test_a_profile_cannot_take_over_a_territorial_proposal(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    proposal = await workflow.proposal("PUBLISHED")
    await run_test_cypher(db, "set_external_reference", id=proposal["id"],
                          reference=run.reference("TOIT2024", "01"))
    payload = await imported(as_viewer(workflow.people["admin"]), run.text("profiles.xml"))
    report = by_reference(payload)[run.reference("TOIT2024", "01")]
    assert report["result"] == "REJECTED"
    assert [r["code"] for r in report["rejections"]] == ["NOT_EEN"]
    assert (await workflow.state(proposal["id"]))["properties"]["origin"] == "TERRITORY"
    assert payload["created"] == 5


async def refused(viewer: Viewer, xml: str) -> list[tuple[str | None, str]]:
    payload = await imported(viewer, xml)
    assert payload["reports"] == []
    return [(error["field"], error["code"]) for error in payload["userErrors"]]


async def test_hostile_or_unreadable_files_are_refused_whole_and_unread(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    for name in ("billion_laughs.xml", "external_entity.xml"):
        assert await refused(admin, run.text(name)) == [("xml", "INVALID")]
    assert await refused(admin, "this is not XML") == [("xml", "INVALID")]
    assert await refused(admin, "<profiles>\ud800</profiles>") == [("xml", "INVALID")]
    assert await refused(admin, "<profiles><unrelated/></profiles>") == [("xml", "REQUIRED")]
    assert await refused(admin, "<profiles>" + " " * (2 * 1024 * 1024) + "</profiles>") == [
        ("xml", "TOO_LARGE")]
    body = await admin(IMPORT, input={})
    assert [(e["field"], e["code"])
            for e in body["data"]["importEenProfiles"]["userErrors"]] == [(None, "REQUIRED")]
    assert await run_test_cypher(db, "een_imported", run=run.token) == []


async def test_one_request_imports_a_bounded_number_of_profiles(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    base = as_viewer(workflow.people["admin"])
    small = Viewer(base.db, base.settings.model_copy(update={"een_import_max_profiles": 5}),
                   base.viewer_id)
    assert await refused(small, run.text("profiles.xml")) == [("xml", "TOO_MANY")]
    assert await run_test_cypher(db, "een_imported", run=run.token) == []


async def test_only_platform_admins_import(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    for role in ("facilitator", "outsider"):
        body = await as_viewer(workflow.people[role])(IMPORT, input={
            "xml": run.text("profiles.xml")})
        assert error_codes(body) == ["FORBIDDEN"]
    body = await as_viewer(None)(IMPORT, input={"xml": run.text("profiles.xml")})
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert await run_test_cypher(db, "een_imported", run=run.token) == []


async def test_two_imports_of_the_same_file_at_once_make_each_proposal_once(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    log = Log(db)
    await log.mark()
    # the same profiles, spaced otherwise: other bytes, so nothing but the graph orders them
    text = run.text("profiles.xml")
    first, second = await asyncio.gather(imported(admin, text),
                                         imported(admin, text.replace("<profile>", "<profile> ")))
    for one, other in zip(first["reports"], second["reports"], strict=True):
        assert sorted((one["result"], other["result"])) == ["CREATED", "UNCHANGED"]
        assert one["proposal"]["id"] == other["proposal"]["id"]
    stored = await run_test_cypher(db, "een_imported", run=run.token)
    assert [row["documents"] for row in stored] == [["EEN"]] * 6
    events = await log.by(workflow.people["admin"])
    assert sorted(Counter(e.type for e in events).items()) == [
        ("DOCUMENT_UPLOADED", 6), ("PROPOSAL_CREATED", 6), ("PROPOSAL_PUBLISHED", 4)]


async def test_concurrent_newer_profiles_leave_the_newest_and_one_document(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    admin = as_viewer(workflow.people["admin"])
    text = run.text("profiles.xml")
    await imported(admin, text)

    def newer(month: str, word: str) -> str:
        dated = re.sub(r"<update>[^<]*</update>", "", text).replace(
            "</datum>", f"<update>2025-{month}-01</update></datum>")
        return dated.replace("<title>", f"<title>{word} ")

    second, third = await asyncio.gather(imported(admin, newer("02", "Seconda")),
                                         imported(admin, newer("03", "Terza")))
    stored = await run_test_cypher(db, "een_imported", run=run.token)
    assert [row["title"].split()[0] for row in stored] == ["Terza"] * 6
    assert [row["documents"] for row in stored] == [["EEN"]] * 6
    results = Counter(r["result"] for r in second["reports"] + third["reports"])
    assert results["UPDATED"] + results["UNCHANGED"] == 12 and results["UPDATED"] >= 6


async def test_a_rejected_profile_leaves_no_bytes_in_the_document_store(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database,
        settings: Settings) -> None:
    proposal = await workflow.proposal("PUBLISHED")
    await run_test_cypher(db, "set_external_reference", id=proposal["id"],
                          reference=run.reference("TOIT2024", "01"))
    text = run.text("profiles.xml")
    payload = await imported(as_viewer(workflow.people["admin"]), text)
    assert by_reference(payload)[run.reference("TOIT2024", "01")]["result"] == "REJECTED"
    [xml] = [entry.profile.xml for entry in read_file(text.encode(), 10**7)
             if entry.profile and entry.reference == run.reference("TOIT2024", "01")]
    store = FileStore(settings.documents_path)
    assert not store.path_of(hashlib.sha256(xml).hexdigest()).exists()


async def test_a_file_nested_deeper_than_profiles_are_is_refused_whole(
        as_viewer: AsViewer, workflow: Workflow, run: Run, db: Database) -> None:
    text = run.text("profiles.xml")
    depth = 100_000  # Python's serializer would recurse once per level
    nested = text.replace("All EEN countries", "<a>" * depth + "</a>" * depth, 1)
    assert nested != text
    assert await refused(as_viewer(workflow.people["admin"]), nested) == [("xml", "INVALID")]
    assert await run_test_cypher(db, "een_imported", run=run.token) == []
