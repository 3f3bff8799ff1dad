"""S3 areas (both of Lombardy's Smart Specialisation taxonomies) and the competence hierarchy."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from app.context import Context
from schema.loading import NodeKind, Relation, load_one, related_connection
from schema.node import Node, register
from schema.pagination import Connection, Edge, SortKey, node_edge

S3_AREA = NodeKind("S3Area", "taxonomy/s3_area_fields")
COMPETENCE = NodeKind("Competence", "taxonomy/competence_fields")
COMPETENCE_ORDER = SortKey("n.name")
S3_AREA_ORDER = SortKey("n.code")


@strawberry.enum(description="The programming period of a Smart Specialisation Strategy.")
class S3Period(Enum):
    PERIOD_2014_2020 = "2014-2020"
    PERIOD_2021_2027 = "2021-2027"


@strawberry.enum(description="The twelve provinces of Lombardy.")
class Province(Enum):
    BERGAMO = "BERGAMO"
    BRESCIA = "BRESCIA"
    COMO = "COMO"
    CREMONA = "CREMONA"
    LECCO = "LECCO"
    LODI = "LODI"
    MANTOVA = "MANTOVA"
    MILANO = "MILANO"
    MONZA_E_BRIANZA = "MONZA_E_BRIANZA"
    PAVIA = "PAVIA"
    SONDRIO = "SONDRIO"
    VARESE = "VARESE"


@strawberry.type(description="An area (2014–2020) or ecosystem (2021–2027) of Lombardy's S3.")
class S3Area(Node):
    code: str
    name_it: str = strawberry.field(description="The name in Italian.")
    name_en: str = strawberry.field(description="The name in English.")
    period: S3Period

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> S3Area:
        return cls(node_id=fields["id"], code=fields["code"], name_it=fields["nameIt"],
                   name_en=fields["nameEn"], period=S3Period(fields["period"]))


@strawberry.type(description="A competence of the hierarchical taxonomy.")
class Competence(Node):
    name: str = strawberry.field(description="The name in English.")
    name_it: str = strawberry.field(description="The name in Italian.")

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Competence:
        return cls(node_id=fields["id"], name=fields["name"], name_it=fields["nameIt"])

    @strawberry.field(description="The broader competence this one specialises; null at the top.")
    async def broader(self, info: strawberry.Info[Context, None]) -> Competence | None:
        fields = await load_one(info.context, BROADER, self.node_id)
        return Competence.from_fields(fields) if fields is not None else None

    @strawberry.field(description="The narrower competences that specialise this one, by name.")
    async def narrower(self, info: strawberry.Info[Context, None], first: int | None = None,
                       after: str | None = None, last: int | None = None,
                       before: str | None = None) -> CompetenceConnection:
        return await related_connection(info, NARROWER, self.node_id, competence_edge,
                                        CompetenceConnection, first, after, last, before)


@strawberry.type(name="S3AreaEdge", description="An S3 area in a list.")
class S3AreaEdge(Edge[S3Area]):
    pass


@strawberry.type(name="S3AreaConnection", description="A page of S3 areas.")
class S3AreaConnection(Connection[S3AreaEdge]):
    pass


@strawberry.type(description="A competence in a list.")
class CompetenceEdge(Edge[Competence]):
    pass


@strawberry.type(description="A page of competences.")
class CompetenceConnection(Connection[CompetenceEdge]):
    pass


NARROWER = Relation("Competence", "BROADER", outgoing=False, target=COMPETENCE,
                    sort=COMPETENCE_ORDER)
BROADER = Relation("Competence", "BROADER", outgoing=True, target=COMPETENCE)




register("S3Area", S3_AREA, S3Area.from_fields)
register("Competence", COMPETENCE, Competence.from_fields)

competence_edge = node_edge(CompetenceEdge, Competence)
s3_area_edge = node_edge(S3AreaEdge, S3Area)
