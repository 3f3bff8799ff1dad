"""Documents: versioned files attached to a project, community, discussion or proposal.

Only the current version of a document is attached to its subject; each version points to the
one it replaced. Who may see a version is decided by the subject its current version is
attached to (`documents/document_visible`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from app import ids
from app.context import Context
from schema.actors.types import USER, User
from schema.loading import Link, NodeKind, Relation, load_one, related_connection
from schema.node import Node, register, resolve_linked
from schema.pagination import Connection, Edge, SortKey, node_edge
from schema.scalars import BigInt
from schema.values import native

DOCUMENT = NodeKind("Document", "documents/document_fields", visible="documents/document_visible")
# The HTTP route that serves a version's bytes (app/downloads.py), by its global ID.
DOWNLOAD_ROUTE = "/documents/{id}"
# Newest first: the order of a subject's documents and of a document's earlier versions.
DOCUMENT_ORDER = SortKey("n.createdAt", kind="datetime", descending=True)
VERSION_ORDER = SortKey("n.version", kind="int", descending=True)


@strawberry.type(description="One version of a file. The bytes live outside the graph, found "
                 "by their SHA-256.")
class Document(Node):
    title: str
    file_name: str
    mime_type: str
    size: BigInt = strawberry.field(
        description="The size in bytes (a string of digits, see BigInt).")
    sha256: str = strawberry.field(description="The SHA-256 of the bytes, in hexadecimal.")
    version: int = strawberry.field(description="The version number, 1 for the first.")
    created_at: datetime

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Document:
        return cls(node_id=fields["id"], title=fields["title"], file_name=fields["fileName"],
                   mime_type=fields["mimeType"], size=fields["size"], sha256=fields["sha256"],
                   version=fields["version"], created_at=native(fields["createdAt"]))

    @strawberry.field(description="Where to download this version's bytes: a path on this "
                      "API's host, to GET with the same Authorization header as GraphQL "
                      "requests (see the README).")
    def download_url(self) -> str:
        return download_path(self.node_id)

    @strawberry.field(description="The person who uploaded this version.")
    async def uploaded_by(self, info: strawberry.Info[Context, None]) -> User | None:
        fields = await load_one(info.context, UPLOADER, self.node_id)
        return User.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The version this one replaced; null for the first.")
    async def previous_version(self, info: strawberry.Info[Context, None]) -> Document | None:
        fields = await load_one(info.context, PREVIOUS_VERSION, self.node_id)
        return Document.from_fields(fields) if fields is not None else None

    @strawberry.field(description="Every earlier version, newest first.")
    async def versions(
        self, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> DocumentConnection:
        return await related_connection(info, EARLIER_VERSIONS, self.node_id, document_edge,
                                        DocumentConnection, first, after, last, before)

    @strawberry.field(description="What the document is attached to (a project, community, "
                      "discussion or proposal; for an earlier version, what its current version "
                      "is attached to); null when the viewer may not see it.")
    async def attached_to(self, info: strawberry.Info[Context, None]) -> Node | None:
        return await resolve_linked(info.context, ATTACHED_TO, self.node_id)


@strawberry.type(description="A document in a list.")
class DocumentEdge(Edge[Document]):
    pass


@strawberry.type(description="A page of documents.")
class DocumentConnection(Connection[DocumentEdge]):
    pass



UPLOADER = Relation("Document", "UPLOADED", outgoing=False, target=USER)
PREVIOUS_VERSION = Relation("Document", "PREVIOUS_VERSION", outgoing=True, target=DOCUMENT)
EARLIER_VERSIONS = Relation("Document", "PREVIOUS_VERSION", outgoing=True, target=DOCUMENT,
                            sort=VERSION_ORDER, through="-[:PREVIOUS_VERSION*0..]->()")
ATTACHED_TO = Link("Document", "(p)<-[:PREVIOUS_VERSION*0..]-(:Document)-[:ATTACHED_TO]->(n)")

register("Document", DOCUMENT, Document.from_fields)


def download_path(node_id: str) -> str:
    """The path that downloads the document version `node_id`."""
    return DOWNLOAD_ROUTE.format(id=ids.encode("Document", node_id))


document_edge = node_edge(DocumentEdge, Document)
