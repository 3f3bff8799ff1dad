"""The GraphQL schema, assembled from one package per domain."""

import strawberry
from strawberry.schema.config import StrawberryConfig

from app.extensions import ErrorShaping, QueryStatistics
from schema.actors import ActorQueries
from schema.node import NodeQueries
from schema.projects import ProjectQueries
from schema.scalars import SCALARS
from schema.taxonomy import TaxonomyQueries


@strawberry.type(description="The root of every query.")
class Query(NodeQueries, ActorQueries, TaxonomyQueries, ProjectQueries):
    pass


schema = strawberry.Schema(query=Query, extensions=[ErrorShaping, QueryStatistics],
                           config=StrawberryConfig(scalar_map=SCALARS))

__all__ = ["schema"]
