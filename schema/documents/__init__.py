"""Documents: versioned files attached to projects, communities, discussions and proposals."""

from schema.documents.queries import documents_field, documents_relation

__all__ = ["documents_field", "documents_relation"]
