"""Documents through the API: multipart uploads with their guards, new versions, authorised
downloads, and deletion that takes the bytes along once nothing holds them."""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from app import ids
from app.db import Database
from app.main import create_app
from app.settings import Settings
from tests.accounts_api import bearer_token
from tests.project_team import Team, team

PREFLIGHT = {"GraphQL-Require-Preflight": "1"}

UPLOAD = """
mutation($subject: ID!, $title: String!, $file: Upload!) {
  uploadDocument(input: {subject: $subject, title: $title, file: $file,
                         clientMutationId: "up"}) {
    document { id title fileName mimeType size sha256 version downloadUrl
               uploadedBy { id } attachedTo { id } }
    userErrors { field code message }
    clientMutationId
  }
}"""

ADD_VERSION = """
mutation($document: ID!, $file: Upload!) {
  addDocumentVersion(input: {document: $document, file: $file}) {
    document { id title version sha256 previousVersion { id } versions { totalCount } }
    userErrors { field code }
  }
}"""

DELETE = """
mutation($document: ID!) {
  deleteDocument(input: {document: $document}) { deletedDocumentId userErrors { code } }
}"""

PROJECT_DOCUMENTS = """
query($id: ID!) {
  node(id: $id) { ... on Project { documents { totalCount edges { node { id version } } } } }
}"""


class Uploads:
    """Sends multipart GraphQL requests and downloads, as the holder of a token."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def post(self, query: str, token: str | None, content: bytes,
                   file_name: str = "plan.pdf", content_type: str = "application/pdf",
                   headers: dict[str, str] | None = None,
                   **variables: Any) -> httpx.Response:
        """The response to `query` with the file as its variable `file`."""
        sent = {**(PREFLIGHT if headers is None else headers)}
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        operations = {"query": query, "variables": {**variables, "file": None}}
        return await self.http.post("/graphql", headers=sent, data={
            "operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (file_name, content, content_type)})

    async def call(self, query: str, token: str | None, content: bytes,
                   **variables: Any) -> dict[str, Any]:
        response = await self.post(query, token, content, **variables)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def download(self, url: str, token: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        return await self.http.get(url, headers=headers)


@pytest_asyncio.fixture(loop_scope="session")
async def uploads(client: httpx.AsyncClient) -> Uploads:
    return Uploads(client)


@pytest_asyncio.fixture(loop_scope="session")
async def project(db: Database) -> AsyncIterator[Team]:
    async with team(db) as built:
        yield built


@pytest_asyncio.fixture(loop_scope="session")
async def tokens(db: Database, settings: Settings, project: Team) -> dict[str, str]:
    """A bearer token for each person of the probe project."""
    return {role: await bearer_token(db, settings, user)
            for role, user in project.users.items()}


def stored(settings: Settings, sha256: str) -> Path:
    return settings.documents_path / sha256[:2] / sha256[2:4] / sha256


def waiting(settings: Settings) -> list[Path]:
    """Uploads left in the store's waiting room (none once each request is over)."""
    folder = settings.documents_path / "incoming"
    return list(folder.iterdir()) if folder.exists() else []


async def project_documents(uploads: Uploads, project: Team, token: str) -> list[int]:
    response = await uploads.http.post(
        "/graphql", headers={"Authorization": f"Bearer {token}"},
        json={"query": PROJECT_DOCUMENTS, "variables": {"id": project.project_gid}})
    found = response.json()["data"]["node"]["documents"]
    return [edge["node"]["version"] for edge in found["edges"]]


async def test_a_project_member_uploads_and_those_entitled_download(
        uploads: Uploads, project: Team, tokens: dict[str, str], settings: Settings) -> None:
    content = b"%PDF-1.7 work plan " + uuid.uuid4().bytes
    body = await uploads.call(UPLOAD, tokens["worker"], content,
                              file_name="C:\\plans\\Piano di lavoro.pdf",
                              subject=project.project_gid, title="Work plan")
    answer = body["data"]["uploadDocument"]
    assert answer["userErrors"] == [] and answer["clientMutationId"] == "up"
    document = answer["document"]
    assert document["fileName"] == "Piano di lavoro.pdf"
    assert (document["title"], document["mimeType"], document["version"]) == (
        "Work plan", "application/pdf", 1)
    assert document["size"] == str(len(content))
    assert document["sha256"] == hashlib.sha256(content).hexdigest()
    assert document["uploadedBy"]["id"] == ids.encode("User", project.users["worker"])
    assert document["attachedTo"]["id"] == project.project_gid
    assert stored(settings, document["sha256"]).read_bytes() == content
    assert await project_documents(uploads, project, tokens["partner_member"]) == [1]

    for role in ("worker", "partner_member", "admin", "platform_admin"):
        response = await uploads.download(document["downloadUrl"], tokens[role])
        assert response.status_code == 200, role
        assert response.content == content
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["content-disposition"].startswith("attachment;")
        assert "Piano%20di%20lavoro.pdf" in response.headers["content-disposition"]
        assert response.headers["x-content-type-options"] == "nosniff"
    for token in (tokens["outsider"], None):
        response = await uploads.download(document["downloadUrl"], token)
        assert response.status_code == 404
        assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (await uploads.download("/documents/not-an-id", tokens["worker"])).status_code == 404
    assert waiting(settings) == []


async def test_uploads_are_refused_without_the_right_to_attach(
        uploads: Uploads, project: Team, tokens: dict[str, str]) -> None:
    body = await uploads.call(UPLOAD, tokens["outsider"], b"not mine",
                              subject=project.project_gid, title="Intruder")
    assert [error["extensions"]["code"] for error in body["errors"]] == ["FORBIDDEN"]
    for token in (None, "forged"):  # refused before the body is read
        response = await uploads.post(UPLOAD, token, b"anonymous",
                                      subject=project.project_gid, title="Anonymous")
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    body = await uploads.call(UPLOAD, tokens["worker"], b"x", subject=project.project_gid,
                              title="")
    assert body["data"]["uploadDocument"]["userErrors"][0]["field"] == "title"
    as_json = await uploads.http.post("/graphql", headers={
        "Authorization": f"Bearer {tokens['worker']}"}, json={"query": UPLOAD, "variables": {
            "subject": project.project_gid, "title": "Not a file", "file": "plan.pdf"}})
    assert [error["extensions"]["code"] for error in as_json.json()["errors"]] == [
        "BAD_USER_INPUT"]
    assert await project_documents(uploads, project, tokens["worker"]) == []


async def test_an_upload_without_the_preflight_header_is_refused_unread(
        uploads: Uploads, project: Team, tokens: dict[str, str]) -> None:
    response = await uploads.post(UPLOAD, tokens["worker"], b"cross-site", headers={},
                                  subject=project.project_gid, title="Forged")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PREFLIGHT_REQUIRED"
    assert await project_documents(uploads, project, tokens["worker"]) == []


@pytest_asyncio.fixture(loop_scope="session")
async def small_uploads(settings: Settings, db: Database) -> AsyncIterator[Uploads]:
    """A client of an application that takes files of at most 1,000 bytes."""
    application: Starlette = create_app(settings.model_copy(update={"upload_max_bytes": 1000}))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield Uploads(http)


async def test_an_oversized_upload_changes_nothing(
        small_uploads: Uploads, project: Team, tokens: dict[str, str],
        settings: Settings) -> None:
    at_limit = await small_uploads.call(UPLOAD, tokens["worker"], b"a" * 1000,
                                        subject=project.project_gid, title="Fits")
    assert at_limit["data"]["uploadDocument"]["userErrors"] == []
    over = b"b" * 1001
    body = await small_uploads.call(UPLOAD, tokens["worker"], over,
                                    subject=project.project_gid, title="Too large")
    assert body["data"]["uploadDocument"]["userErrors"] == [
        {"field": "file", "code": "TOO_LARGE", "message": "A file may have at most 1000 bytes."}]
    assert not stored(settings, hashlib.sha256(over).hexdigest()).exists()

    far_over = b"c" * (2 << 20)  # beyond the file limit and the room for the operation
    response = await small_uploads.post(UPLOAD, tokens["worker"], far_over,
                                        subject=project.project_gid, title="Far too large")
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert await project_documents(small_uploads, project, tokens["worker"]) == [1]
    assert waiting(settings) == []


async def test_new_versions_replace_the_current_one_and_keep_the_others(
        uploads: Uploads, project: Team, tokens: dict[str, str]) -> None:
    first = (await uploads.call(UPLOAD, tokens["worker"], b"version one",
                                subject=project.project_gid, title="Budget"))
    first_id = first["data"]["uploadDocument"]["document"]["id"]
    body = await uploads.call(ADD_VERSION, tokens["admin"], b"version two", document=first_id)
    second = body["data"]["addDocumentVersion"]["document"]
    assert (second["title"], second["version"], second["previousVersion"]["id"]) == (
        "Budget", 2, first_id)
    assert second["versions"]["totalCount"] == 1  # the earlier ones
    assert await project_documents(uploads, project, tokens["worker"]) == [2]

    stale = await uploads.call(ADD_VERSION, tokens["worker"], b"from v1", document=first_id)
    assert stale["data"]["addDocumentVersion"]["userErrors"] == [
        {"field": "document", "code": "INVALID_TRANSITION"}]
    refused = await uploads.call(ADD_VERSION, tokens["partner_member"], b"partner",
                                 document=second["id"])
    assert [error["extensions"]["code"] for error in refused["errors"]] == ["FORBIDDEN"]
    hidden = await uploads.call(ADD_VERSION, tokens["outsider"], b"outsider",
                                document=second["id"])
    assert [error["extensions"]["code"] for error in hidden["errors"]] == ["NOT_FOUND"]
    assert await project_documents(uploads, project, tokens["worker"]) == [2]


async def test_versions_offered_at_once_follow_each_other(
        uploads: Uploads, project: Team, tokens: dict[str, str]) -> None:
    first = await uploads.call(UPLOAD, tokens["worker"], b"base", subject=project.project_gid,
                               title="Contested")
    first_id = first["data"]["uploadDocument"]["document"]["id"]
    answers = await asyncio.gather(*(
        uploads.call(ADD_VERSION, tokens["worker"], f"edit {number}".encode(),
                     document=first_id) for number in range(5)))
    made = [answer["data"]["addDocumentVersion"] for answer in answers]
    assert sum(1 for answer in made if answer["document"] is not None) == 1
    assert sorted(error["code"] for answer in made for error in answer["userErrors"]) == [
        "INVALID_TRANSITION"] * 4
    assert await project_documents(uploads, project, tokens["worker"]) == [2]


async def test_deleting_a_document_removes_every_version_and_unshared_bytes(
        uploads: Uploads, project: Team, tokens: dict[str, str], settings: Settings) -> None:
    shared, own = b"shared " + uuid.uuid4().bytes, b"own " + uuid.uuid4().bytes
    kept = await uploads.call(UPLOAD, tokens["admin"], shared, subject=project.project_gid,
                              title="Kept")
    doomed = await uploads.call(UPLOAD, tokens["worker"], shared, subject=project.project_gid,
                                title="Doomed")
    doomed_id = doomed["data"]["uploadDocument"]["document"]["id"]
    newer = await uploads.call(ADD_VERSION, tokens["worker"], own, document=doomed_id)
    url = newer["data"]["addDocumentVersion"]["document"]["id"]

    for role, code in (("outsider", "NOT_FOUND"), ("partner_member", "FORBIDDEN")):
        body = await uploads.http.post("/graphql", headers={
            "Authorization": f"Bearer {tokens[role]}"}, json={
            "query": DELETE, "variables": {"document": doomed_id}})
        assert [error["extensions"]["code"] for error in body.json()["errors"]] == [code]

    # the coordinator's admin manages the project: may delete what a worker uploaded
    body = await uploads.http.post("/graphql", headers={
        "Authorization": f"Bearer {tokens['admin']}"}, json={
        "query": DELETE, "variables": {"document": doomed_id}})
    assert body.json()["data"]["deleteDocument"] == {"deletedDocumentId": doomed_id,
                                                     "userErrors": []}
    assert not stored(settings, hashlib.sha256(own).hexdigest()).exists()
    assert stored(settings, hashlib.sha256(shared).hexdigest()).exists()  # "Kept" holds it
    kept_url = kept["data"]["uploadDocument"]["document"]["downloadUrl"]
    assert (await uploads.download(kept_url, tokens["worker"])).content == shared
    gone = await uploads.download(f"/documents/{url}", tokens["admin"])
    assert gone.status_code == 404
    assert await project_documents(uploads, project, tokens["worker"]) == [1]

    again = await uploads.http.post("/graphql", headers={
        "Authorization": f"Bearer {tokens['admin']}"}, json={
        "query": DELETE, "variables": {"document": doomed_id}})
    assert [error["extensions"]["code"] for error in again.json()["errors"]] == ["NOT_FOUND"]


@pytest.mark.parametrize("declared, name, expected", [
    ("text/plain; charset=utf-8", "notes.txt", "text/plain"),
    ("", "slides.pdf", "application/pdf"),
    ("not a type", "data.unknownext", "application/octet-stream"),
])
def test_the_media_type_is_the_declared_one_when_well_formed(declared: str, name: str,
                                                              expected: str) -> None:
    from schema.documents.mutations import mime_type

    assert mime_type(declared, name) == expected
