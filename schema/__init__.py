"""The GraphQL schema, assembled from one package per domain."""

import strawberry
from strawberry.schema.config import StrawberryConfig

from app.extension_hooks import KnownHooksSchema
from app.extensions import (
    Authentication,
    ErrorShaping,
    KeptValidation,
    ProductionValidation,
    QueryStatistics,
)
from app.observability import OperationObserver
from app.persisted_queries import PersistedQueryLookup
from app.query_limits import QueryLimits
from schema.accounts import AccountMutations
from schema.actors import ActorQueries
from schema.actors.follow_mutations import FollowMutations
from schema.actors.membership_mutations import OrganizationMembershipMutations
from schema.actors.organization_mutations import OrganizationMutations
from schema.actors.profile_mutations import ProfileMutations
from schema.communities import (
    CommunityMembershipMutations,
    CommunityMutations,
    CommunityQueries,
)
from schema.compiled.executor import CompilingExecutor
from schema.content import ContentQueries
from schema.content.mutations import ContentMutations
from schema.content.news_mutations import NewsMutations
from schema.documents.mutations import DocumentMutations
from schema.een.mutations import EenMutations
from schema.events.subscriptions import EventSubscriptions
from schema.network import NetworkQueries
from schema.network.metrics import NetworkMetricsQueries
from schema.network.recommendations import RecommendationQueries
from schema.node import NodeQueries
from schema.notifications.mutations import NotificationMutations
from schema.notifications.queries import NotificationQueries
from schema.opportunities.mutations import OpportunityMutations
from schema.opportunities.queries import OpportunityQueries
from schema.projects import ProjectQueries
from schema.projects.mutations import ProjectMutations
from schema.projects.mutations_budget import BudgetMutations
from schema.projects.mutations_work import WorkPlanMutations
from schema.scalars import SCALARS
from schema.search import SearchQueries
from schema.taxonomy import TaxonomyQueries
from schema.webhooks.mutations import WebhookMutations


@strawberry.type(description="The root of every query.")
class Query(NodeQueries, NotificationQueries, ActorQueries, TaxonomyQueries, CommunityQueries,
            ContentQueries, OpportunityQueries, ProjectQueries, SearchQueries, NetworkQueries,
            NetworkMetricsQueries, RecommendationQueries):
    pass


@strawberry.type(description="The root of every change.")
class Mutation(AccountMutations, FollowMutations, ProfileMutations, OrganizationMutations,
               OrganizationMembershipMutations, CommunityMutations,
               CommunityMembershipMutations, ContentMutations, NewsMutations,
               OpportunityMutations, NotificationMutations, ProjectMutations,
               WorkPlanMutations, BudgetMutations, DocumentMutations, WebhookMutations,
               EenMutations):
    pass


@strawberry.type(description="The root of every subscription (WebSocket, graphql-transport-ws).")
class Subscription(EventSubscriptions):
    pass


# Front ends send the same few query texts again and again: parsing and validating one costs
# more than the rest of a typical request's Python work, so both are kept for the texts seen
# most recently (bounded, so that arbitrary texts cannot grow memory). QueryLimits parses them
# within the token limit, and refuses a document over a limit before it is validated;
# KeptValidation keeps the validation of each document kept.
schema = KnownHooksSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=[PersistedQueryLookup, ErrorShaping, Authentication, QueryStatistics, QueryLimits,
                ProductionValidation, OperationObserver, KeptValidation],
    config=StrawberryConfig(scalar_map=SCALARS),
    execution_context_class=CompilingExecutor)

__all__ = ["schema"]
