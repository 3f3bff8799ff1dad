"""Uploading documents, new versions of them, and deleting them.

The file travels as a GraphQL multipart request (see app/graphql.py for its guards). Its bytes
are hashed into the content-addressed store (app/file_store.py) while they arrive, the graph
records the version in one statement that also decides who may, and only then do the bytes
take their place; a refused or failed upload leaves neither bytes nor metadata.

Who may: those who may attach documents to the subject (`documents/viewer_may_attach`) upload
and add versions; the author of a document (who uploaded its first version) and those who
manage its subject (`documents/viewer_manages_subject`) delete it, with all its versions.
"""

from __future__ import annotations

import mimetypes
import re
from typing import Annotated, Any

import strawberry
from pydantic import Field
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from app import cypher
from app import ids as global_ids
from app.context import Context
from app.errors import BadUserInput
from app.file_store import FileStore, Received, Referenced
from schema.documents.types import DOCUMENT, Document
from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserError,
    UserErrorCode,
    new_id,
    outcome_errors,
    refuse,
    require_viewer,
    user_error,
    validated,
    write_statement,
)
from schema.node import node_kind, resolve_node

Info = strawberry.Info[Context, None]
# What documents attach to (the model's ATTACHED_TO targets).
ATTACHABLE = frozenset({"Project", "Community", "Discussion", "Proposal"})
MAX_FILE_NAME = 255
Title = Annotated[str, Field(min_length=1, max_length=200)]
_MIME_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
REASONS = {"NOT_CURRENT": Reason("document", UserErrorCode.INVALID_TRANSITION,
                                 "This is an earlier version; add the new one to the current "
                                 "version.")}


class UploadDocumentModel(MutationInput):
    subject: str = Field(description="The project, community, discussion or proposal.")
    title: Title


class AddDocumentVersionModel(MutationInput):
    document: str = Field(description="The document (its current version).")
    title: Title | None = None


class DeleteDocumentModel(MutationInput):
    document: str = Field(description="The document (any of its versions).")


@strawberry.experimental.pydantic.input(
    model=UploadDocumentModel, description="A document to attach: a title of 1 to 200 "
    "characters and the file (a multipart upload, at most UPLOAD_MAX_BYTES).")
class UploadDocumentInput:
    subject: strawberry.ID
    title: strawberry.auto
    file: Upload
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=AddDocumentVersionModel, description="A new version of a document: the file, and a "
    "new title if it changes.")
class AddDocumentVersionInput:
    document: strawberry.ID
    title: strawberry.auto
    file: Upload
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(model=DeleteDocumentModel,
                                        description="The document to delete.")
class DeleteDocumentInput:
    document: strawberry.ID
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of uploading a document or a new version of it.")
class DocumentPayload(Payload):
    document: Document | None = strawberry.field(
        default=None, description="The version just uploaded.")


@strawberry.type(description="The result of deleting a document.")
class DeleteDocumentPayload(Payload):
    deleted_document_id: strawberry.ID | None = strawberry.field(
        default=None, description="The ID given, now gone with every version of the document.")


def file_name(given: str | None) -> str:
    """The name a file is kept and downloaded under: the last part of what the client sent
    (no folders), without control characters; `file` when nothing is left."""
    name = _UNPRINTABLE.sub("", re.split(r"[\\/]", given or "")[-1]).strip()
    return name or "file"


def mime_type(declared: str | None, name: str) -> str:
    """The file's media type: the one the client declared for the part when it is
    well-formed, else the one its name suggests, else application/octet-stream."""
    stated = (declared or "").split(";")[0].strip().lower()
    if _MIME_TYPE.match(stated):
        return stated
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or "application/octet-stream"


async def _received(info: Info, upload: object) -> tuple[Received | None, list[UserError]]:
    """The upload written to the store's waiting room, or the user error that refuses it."""
    if not isinstance(upload, UploadFile):  # a value in JSON variables rather than a file
        raise BadUserInput("file must be a file of the multipart request", argument="file")
    name = file_name(upload.filename)
    if len(name) > MAX_FILE_NAME:
        return None, user_error("file", UserErrorCode.TOO_LONG,
                                f"A file name may have at most {MAX_FILE_NAME} characters.")
    limit = info.context.settings.upload_max_bytes
    received = await file_store(info.context).receive(upload, limit)
    if received is None:
        return None, user_error("file", UserErrorCode.TOO_LARGE,
                                f"A file may have at most {limit} bytes.")
    return received, []


def file_store(context: Context) -> FileStore:
    """The store of document bytes of a context (HTTP requests and commands have one)."""
    if context.files is None:
        raise RuntimeError("this context has no file store")
    return context.files


async def _record(info: Info, statement: str, upload: Any, parameters: dict[str, Any],
                  what: str, **fragments: str) -> list[UserError]:
    """Receive `upload`, record it with the write statement `documents/<statement>`, and
    place its bytes once recorded; the user errors of a refusal (none when done)."""
    received, errors = await _received(info, upload)
    if received is None:
        return errors
    name = file_name(upload.filename)
    store, references = file_store(info.context), graph_references(info.context)
    async with store.placing(received, references) as placement:
        record = await write_statement(info.context, f"documents/{statement}", {
            **parameters, "viewerId": info.context.viewer_id, "fileName": name,
            "mimeType": mime_type(upload.content_type, name), "size": received.size,
            "sha256": received.sha256}, **fragments)
        placement.recorded = record["outcome"] == "DONE"
    return outcome_errors(record["outcome"], what, REASONS)


def graph_references(context: Context) -> Referenced:
    """Whether the graph still refers to a hash, read from the primary (a write transaction):
    a lagging replica could miss the reference an upload just committed."""

    async def referenced(sha256: str) -> bool:
        found = await context.db.write(
            cypher.load("queries/documents/file_referenced").text, {"sha256": sha256})
        return bool(found[0]["referenced"])

    return referenced


async def _payload(info: Info, errors: list[UserError], document_id: str,
                   client_mutation_id: str | None) -> DocumentPayload:
    document = None if errors else await resolve_node(info.context, "Document", document_id)
    return DocumentPayload(document=document if isinstance(document, Document) else None,
                           user_errors=errors, client_mutation_id=client_mutation_id)


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(description="Attach a document to a project, community, discussion "
                         "or proposal, as a multipart upload (see the README).")
    async def upload_document(self, info: Info, input: UploadDocumentInput) -> DocumentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DocumentPayload(user_errors=errors,
                                   client_mutation_id=input.client_mutation_id)
        type_name, subject_id = global_ids.decode(chosen.subject, ATTACHABLE)
        kind = node_kind(type_name)
        if kind is None:  # an attachable type whose domain is not registered
            raise RuntimeError(f"{type_name} takes documents but is not registered")
        document_id = new_id()
        errors = await _record(info, "upload_document", input.file, {
            "subjectId": subject_id, "documentId": document_id, "title": chosen.title},
            type_name.lower(), label=kind.label, visible=kind.visibility_of("subject"))
        return await _payload(info, errors, document_id, chosen.client_mutation_id)

    @strawberry.mutation(description="Upload a new version of a document; it takes the "
                         "current version's place, which stays among its `versions`.")
    async def add_document_version(self, info: Info,
                                   input: AddDocumentVersionInput) -> DocumentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DocumentPayload(user_errors=errors,
                                   client_mutation_id=input.client_mutation_id)
        version_id = new_id()
        errors = await _record(info, "add_document_version", input.file, {
            "documentId": global_ids.decode_as(chosen.document, "Document"),
            "versionId": version_id, "title": chosen.title},
            "document", visible=DOCUMENT.visibility_of("current"))
        return await _payload(info, errors, version_id, chosen.client_mutation_id)

    @strawberry.mutation(description="Delete a document with all its versions (its author, "
                         "or those who manage what it is attached to).")
    async def delete_document(self, info: Info,
                              input: DeleteDocumentInput) -> DeleteDocumentPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DeleteDocumentPayload(user_errors=errors,
                                         client_mutation_id=input.client_mutation_id)
        record = await write_statement(info.context, "documents/delete_document", {
            "viewerId": info.context.viewer_id,
            "documentId": global_ids.decode_as(chosen.document, "Document")},
            visible=DOCUMENT.visibility_of("given"))
        refuse(record["outcome"], "document")  # DONE, or the refusal raised
        await file_store(info.context).remove_unreferenced(set(record["hashes"]),
                                                           graph_references(info.context))
        return DeleteDocumentPayload(deleted_document_id=chosen.document,
                                     client_mutation_id=chosen.client_mutation_id)
