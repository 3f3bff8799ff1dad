"""Which subscription selections one execution per event may serve for every subscriber:
those that read nothing that depends on who asks."""

from __future__ import annotations

import pytest
from graphql import OperationDefinitionNode, parse

from schema.events.sharing import _shareable


def _operation(text: str) -> OperationDefinitionNode:
    operation = parse(text).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation


@pytest.mark.parametrize("text", [
    "subscription { events { seq type at subjectType subjectId payload __typename } }",
    "subscription($c: ID!) { feed: communityActivity(community: $c) { n: seq payload } }",
])
def test_a_selection_of_the_events_own_fields_is_shared(text: str) -> None:
    assert _shareable(_operation(text))


@pytest.mark.parametrize("text", [
    "subscription { events { seq subject { id } } }",  # read with the subscriber's access
    "subscription { events { seq actor { id } } }",
    "subscription { events { ...Fields } } fragment Fields on Event { seq }",
    "subscription { events { ... on Event { seq } } }",
    "subscription { events { seq @include(if: true) } }",
    "subscription { events { seq } notificationAdded { seq } }",
    "query { viewer { id } }",
])
def test_a_selection_that_may_depend_on_the_subscriber_is_not(text: str) -> None:
    assert not _shareable(_operation(text))
