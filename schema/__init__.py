"""The GraphQL schema, assembled from one package per domain."""

import strawberry
from strawberry.schema.config import StrawberryConfig

from app.extensions import ErrorShaping, QueryStatistics
from schema.actors import ActorQueries
from schema.communities import CommunityQueries
from schema.content import ContentQueries
from schema.node import NodeQueries
from schema.notifications.queries import NotificationQueries
from schema.opportunities.queries import OpportunityQueries
from schema.projects import ProjectQueries
from schema.scalars import SCALARS
from schema.search import SearchQueries
from schema.taxonomy import TaxonomyQueries


@strawberry.type(description="The root of every query.")
class Query(NodeQueries, NotificationQueries, ActorQueries, TaxonomyQueries, CommunityQueries,
            ContentQueries, OpportunityQueries, ProjectQueries, SearchQueries):
    pass


schema = strawberry.Schema(query=Query, extensions=[ErrorShaping, QueryStatistics],
                           config=StrawberryConfig(scalar_map=SCALARS))

__all__ = ["schema"]
