"""Top-level queries of the taxonomies: S3 areas and competences."""

from __future__ import annotations

import strawberry

from app import ids
from app.context import Context
from schema.loading import Conditions, root_connection
from schema.taxonomy.types import (
    COMPETENCE,
    COMPETENCE_ORDER,
    S3_AREA,
    S3_AREA_ORDER,
    CompetenceConnection,
    S3AreaConnection,
    S3Period,
    competence_edge,
    s3_area_edge,
)

S3_AREA_FILTER = Conditions("taxonomy/s3_area_filter")
COMPETENCE_FILTER = Conditions("taxonomy/competence_filter")


@strawberry.input(description="Which competences to list.")
class CompetenceFilter:
    broader: strawberry.ID | None = strawberry.field(
        default=None, description="Only the direct children of this competence.")
    top_level: bool | None = strawberry.field(
        default=None, description="Only top-level competences (true) or only narrower ones.")
    name_contains: str | None = strawberry.field(
        default=None, description="Only competences whose English or Italian name contains this.")


@strawberry.type
class TaxonomyQueries:
    @strawberry.field(description="The S3 areas of one programming period or of both, by code.")
    async def s3_areas(self, info: strawberry.Info[Context, None], period: S3Period | None = None,
                       first: int | None = None, after: str | None = None,
                       last: int | None = None, before: str | None = None) -> S3AreaConnection:
        return await root_connection(
            info, S3_AREA, S3_AREA_FILTER, S3_AREA_ORDER,
            {"period": period.value if period else None}, s3_area_edge, S3AreaConnection,
            first, after, last, before)

    @strawberry.field(description="Competences of the taxonomy, by English name.")
    async def competences(self, info: strawberry.Info[Context, None],
                          filter: CompetenceFilter | None = None, first: int | None = None,
                          after: str | None = None, last: int | None = None,
                          before: str | None = None) -> CompetenceConnection:
        chosen = filter or CompetenceFilter()
        parameters = {
            "broader": ids.decode_as(chosen.broader, "Competence") if chosen.broader else None,
            "topLevel": chosen.top_level,
            "nameContains": chosen.name_contains or None,
        }
        return await root_connection(
            info, COMPETENCE, COMPETENCE_FILTER, COMPETENCE_ORDER, parameters,
            competence_edge, CompetenceConnection, first, after, last, before)
