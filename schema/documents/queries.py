"""The documents of a subject, as a connection field any attachable type declares in one line:

    documents = documents_field("Community")

The field lists the current versions attached to the subject, newest first, that the viewer
may see (`documents/document_visible`).
"""

from __future__ import annotations

from typing import Any

import strawberry

from app.context import Context
from schema.documents.types import DOCUMENT, DOCUMENT_ORDER, DocumentConnection, document_edge
from schema.loading import Relation, related_connection
from schema.node import Node


def documents_relation(subject_label: str) -> Relation:
    """The current versions of the documents attached to nodes of `subject_label`."""
    return Relation(subject_label, "ATTACHED_TO", outgoing=False, target=DOCUMENT,
                    sort=DOCUMENT_ORDER)


def documents_field(subject_label: str) -> Any:
    """A `documents` connection field for the type of the nodes of `subject_label`."""
    relation = documents_relation(subject_label)

    async def documents(
        root: Node, info: strawberry.Info[Context, None], first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> DocumentConnection:
        return await related_connection(info, relation, root.node_id, document_edge,
                                        DocumentConnection, first, after, last, before)

    return strawberry.field(resolver=documents, description="The documents attached to it "
                            "(their current versions), newest first.")
