"""Global IDs: node(id:) and nodes(ids:) for every type, and what bad IDs get."""

from __future__ import annotations

import base64
import uuid

from app import ids
from tests.conftest import GraphQL, error_codes

ONE_OF_EACH = """
{
  users(first: 1) { edges { node { id __typename } } }
  organizations(first: 1) { edges { node { id __typename } } }
  competences(first: 1, filter: {topLevel: false}) { edges { node { id __typename } } }
  s3Areas(first: 1) { edges { node { id __typename } } }
}
"""

NODE = """
query($id: ID!) {
  node(id: $id) {
    id __typename
    ... on User { handle }
    ... on Organization { name }
    ... on Competence { name broader { id } }
    ... on S3Area { code period }
  }
}
"""


async def test_node_round_trips_every_type(gql: GraphQL) -> None:
    data = await gql.data(ONE_OF_EACH)
    samples = [connection["edges"][0]["node"] for connection in data.values()]
    assert {sample["__typename"] for sample in samples} == {
        "User", "Organization", "Competence", "S3Area"}
    for sample in samples:
        found = (await gql.data(NODE, id=sample["id"]))["node"]
        assert found["id"] == sample["id"]
        assert found["__typename"] == sample["__typename"]


async def test_nodes_keeps_order_and_gives_null_for_unknown_ids(gql: GraphQL) -> None:
    data = await gql.data(ONE_OF_EACH)
    samples = [connection["edges"][0]["node"]["id"] for connection in data.values()]
    missing = ids.encode("User", str(uuid.uuid4()))
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    found = (await gql.data(query, ids=[*samples, missing, samples[0]]))["nodes"]
    assert [node["id"] if node else None for node in found] == [
        *samples, None, samples[0]]


async def test_nodes_refuses_more_than_a_hundred_ids(gql: GraphQL) -> None:
    many = [ids.encode("User", str(uuid.uuid4())) for _ in range(101)]
    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=many)
    assert error_codes(body) == ["BAD_USER_INPUT"]


def _raw_id(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


async def test_malformed_and_foreign_ids_are_bad_input_not_server_errors(gql: GraphQL) -> None:
    for bad in ["abc", "", "%%%", _raw_id(f"Password:{uuid.uuid4()}"), _raw_id("User:42"),
                _raw_id("no colon at all"), "AAAA"]:
        body = await gql(NODE, id=bad)
        assert body["data"] == {"node": None}, bad
        assert error_codes(body) == ["BAD_USER_INPUT"], bad


async def test_unknown_but_well_formed_id_is_not_found(gql: GraphQL) -> None:
    body = await gql(NODE, id=ids.encode("Organization", str(uuid.uuid4())))
    assert body["data"] == {"node": None}
    assert error_codes(body) == ["NOT_FOUND"]


async def test_filter_ids_of_the_wrong_type_are_bad_input(gql: GraphQL) -> None:
    query = "query($area: ID) { users(filter: {s3Area: $area}) { totalCount } }"
    body = await gql(query, area=ids.encode("Competence", str(uuid.uuid4())))
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_user_by_handle(gql: GraphQL) -> None:
    data = await gql.data("{ users(first: 1) { edges { node { id handle } } } }")
    user = data["users"]["edges"][0]["node"]
    query = "query($handle: String!) { user(handle: $handle) { id } }"
    assert (await gql.data(query, handle=user["handle"]))["user"]["id"] == user["id"]
    body = await gql(query, handle="nobody.with.this.handle")
    assert error_codes(body) == ["NOT_FOUND"]


async def test_ids_with_non_canonical_uuids_resolve(gql: GraphQL) -> None:
    data = await gql.data("{ users(first: 1) { edges { node { id } } } }")
    user_id = data["users"]["edges"][0]["node"]["id"]
    shouting = ids.encode("User", ids.parse(user_id)[1].upper())
    assert (await gql.data(NODE, id=shouting))["node"]["id"] == user_id
