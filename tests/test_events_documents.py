"""The events that document mutations record, and who may receive them: those who may see
the document, and once it is deleted those who could (its subject's content or private side)."""

from __future__ import annotations

import io
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from starlette.datastructures import Headers, UploadFile

from app import ids
from app.db import Database
from tests.community_probe import Workflow, workflow
from tests.conftest import AsViewer, Viewer, error_codes
from tests.event_probe import audience, log_end, payload, recorded, shape
from tests.project_team import Team, team
from tests.test_document_mutations import ADD_VERSION, DELETE, UPLOAD

__all__ = ["workflow"]


@pytest_asyncio.fixture(loop_scope="session")
async def project(db: Database) -> AsyncIterator[Team]:
    async with team(db) as built:
        yield built


def _file(content: bytes) -> UploadFile:
    """A PDF as a multipart request hands it over."""
    return UploadFile(io.BytesIO(content), filename="plan.pdf",
                      headers=Headers({"content-type": "application/pdf"}))


async def _upload(viewer: Viewer, subject: str, title: str) -> dict[str, Any]:
    return await viewer(UPLOAD, subject=subject, title=title,
                        file=_file(b"%PDF-1.7 " + uuid.uuid4().bytes))


async def test_a_community_document_reaches_those_who_see_the_community_content(
        as_viewer: AsViewer, workflow: Workflow, db: Database) -> None:
    participant, community = as_viewer(workflow.users["participant"]), workflow.communities[
        "reserved"]
    before = await log_end(db)
    uploaded = await _upload(participant, workflow.community("reserved"), "Minutes")
    document = uploaded["data"]["uploadDocument"]["document"]
    added = await participant(ADD_VERSION, document=document["id"],
                              file=_file(b"%PDF-1.7 second " + uuid.uuid4().bytes))
    version = added["data"]["addDocumentVersion"]["document"]["id"]
    await participant(DELETE, document=version)
    first, second = (ids.decode_as(gid, "Document") for gid in (document["id"], version))

    events = await recorded(db, before, first, second)
    assert [event.type for event in events] == [
        "DOCUMENT_UPLOADED", "DOCUMENT_VERSION_ADDED", "DOCUMENT_DELETED"]
    upload, new_version, deletion = events
    assert shape(upload) == ("DOCUMENT_UPLOADED", "Document", first, "Document", first, None)
    assert payload(upload) == {
        "title": "Minutes", "fileName": "plan.pdf", "mimeType": "application/pdf",
        "size": 25, "version": 1, "attachedToType": "Community", "attachedToId": community}
    assert shape(new_version)[:3] == ("DOCUMENT_VERSION_ADDED", "Document", second)
    assert payload(new_version) == {
        "title": "Minutes", "fileName": "plan.pdf", "mimeType": "application/pdf",
        "size": 32, "version": 2, "previousVersionId": first}
    # the document is gone: the community's content decides who learns of it
    assert shape(deletion) == ("DOCUMENT_DELETED", "Document", second, "CommunityContent",
                               community, None)
    assert payload(deletion) == {"title": "Minutes", "attachedToType": "Community",
                                 "attachedToId": community}
    assert {event.community_id for event in events} == {community}
    assert await audience(db, deletion, workflow.users) == {
        "manager", "participant", "facilitator", "admin"}


async def test_a_deleted_project_document_reaches_those_entitled_to_the_project(
        as_viewer: AsViewer, project: Team, db: Database) -> None:
    worker = as_viewer(project.users["worker"])
    before = await log_end(db)
    refused = await _upload(as_viewer(project.users["outsider"]), project.project_gid, "No")
    assert error_codes(refused) == ["FORBIDDEN"]
    uploaded = await _upload(worker, project.project_gid, "Work plan")
    document = uploaded["data"]["uploadDocument"]["document"]["id"]
    await worker(DELETE, document=document)

    upload, deletion = await recorded(db, before, ids.decode_as(document, "Document"))
    assert {upload.project_id, deletion.project_id} == {project.project}
    assert (upload.community_id, deletion.community_id) == (None, None)
    assert (deletion.scope_type, deletion.scope_id) == ("ProjectPrivate", project.project)
    assert await audience(db, deletion, project.users) == {
        "admin", "partner_member", "worker", "platform_admin"}
