"""Documents: versions, what they are attached to, and who may see them (the rule of the subject
their current version is attached to)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest_asyncio
import strawberry
from strawberry.schema.config import StrawberryConfig

from app.context import Context
from app.db import Database, begin_stats
from app.settings import Settings
from schema.documents import documents_field
from schema.node import Node
from schema.scalars import SCALARS
from tests import probe_projects
from tests.conftest import GraphQL, Viewer, error_codes
from tests.connections import PAGE_INFO, gid, node_ids, ordered, walk
from tests.probe_projects import ProbeGraph

DOCUMENT = """
query($id: ID!) { node(id: $id) { id ... on Document {
  title fileName mimeType size sha256 version createdAt
  uploadedBy { id } previousVersion { id } attachedTo { id __typename }
} } }"""

PROJECT_DOCUMENTS = f"""
query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {{
  node(id: $id) {{ ... on Project {{
    documents(first: $first, after: $after, last: $last, before: $before) {{
      {PAGE_INFO} edges {{ cursor node {{ id version }} }}
    }}
  }} }}
}}"""

VERSIONS = f"""
query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {{
  node(id: $id) {{ ... on Document {{
    versions(first: $first, after: $after, last: $last, before: $before) {{
      {PAGE_INFO} edges {{ cursor node {{ id version }} }}
    }}
  }} }}
}}"""

# Visible to anyone: attached to an OPEN community, a discussion in one, or a PUBLISHED or
# CLOSED proposal, and the earlier versions of those.
PUBLIC = ["E_open", "E_talk_open", "E_published", "E_published_v1", "E_closed_call"]
HIDDEN = ["E_reserved", "E_closed", "E_closed_v1", "E_talk_reserved", "E_draft", "E_archived"]
PROJECT_DOCS = ["D0", "D1", "D2", "D3", "D4"]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[ProbeGraph]:
    async with probe_projects.created(db) as built:
        yield built


async def visible(client: GraphQL | Viewer, graph: ProbeGraph, names: list[str]) -> list[str]:
    """Which of the named documents `client` may see, through nodes(ids:)."""
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    found = await client.data(query, ids=[gid("Document", graph[name]) for name in names])
    return [name for name, node in zip(names, found["nodes"], strict=True) if node is not None]


async def test_project_documents_are_hidden_from_those_not_entitled(
        gql: GraphQL, as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    clients: list[GraphQL | Viewer] = [gql, as_viewer(None), as_viewer(graph["U6"]),
                                       as_viewer(graph["U3"]), as_viewer(graph["U5"])]
    for client in clients:
        found = await client.data(PROJECT_DOCUMENTS, id=gid("Project", graph["P0"]))
        assert found["node"]["documents"]["totalCount"] == 0
        assert found["node"]["documents"]["edges"] == []
        assert await visible(client, graph, PROJECT_DOCS) == []
        for name in ("D2", "D0"):  # a current version and an earlier one
            body = await client(DOCUMENT, id=gid("Document", graph[name]))
            assert body["data"] == {"node": None}
            assert error_codes(body) == ["NOT_FOUND"]
    # U5 belongs to the partner of P4, so it sees P4's document and only that.
    assert await visible(as_viewer(graph["U5"]), graph, ["D5", *PROJECT_DOCS]) == ["D5"]


async def test_project_documents_and_versions_for_workers_and_partner_members(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    documents = {row["id"]: row for row in graph.rows["documents"]}
    attached = [row for row in graph.rows["documents"] if row["subject"] == graph["P0"]]
    for viewer in ("U0", "U4"):  # works on P0; belongs to its partner O2
        client = as_viewer(graph[viewer])
        assert await visible(client, graph, PROJECT_DOCS) == PROJECT_DOCS
        edges = await walk(client, PROJECT_DOCUMENTS, ["node", "documents"], 2,
                           id=gid("Project", graph["P0"]))
        assert node_ids(edges) == ordered("Document", attached, lambda row: row["createdAt"],
                                          descending=True)
        for name, earlier in (("D2", ["D1", "D0"]), ("D1", ["D0"]), ("D0", [])):
            edges = await walk(client, VERSIONS, ["node", "versions"], 1,
                               id=gid("Document", graph[name]))
            assert node_ids(edges) == [gid("Document", graph[version]) for version in earlier]
            assert [edge["node"]["version"] for edge in edges] == [
                documents[graph[version]]["version"] for version in earlier]


async def test_document_fields_and_links(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    client = as_viewer(graph["U1"])
    project = {"id": gid("Project", graph["P0"]), "__typename": "Project"}
    row = graph.named["D4"]
    found = (await client.data(DOCUMENT, id=gid("Document", row["id"])))["node"]
    assert found == {
        "id": gid("Document", row["id"]), "title": row["title"], "fileName": "D4.pdf",
        "mimeType": "application/pdf", "size": "5000000000", "sha256": row["sha256"],
        "version": 1, "createdAt": "2024-01-01T09:00:00+00:00",
        "uploadedBy": {"id": gid("User", graph["U1"])}, "previousVersion": None,
        "attachedTo": project}
    chain: dict[str, Any] = {"D2": "D1", "D1": "D0", "D0": None}
    for name, previous in chain.items():
        found = (await client.data(DOCUMENT, id=gid("Document", graph[name])))["node"]
        assert found["previousVersion"] == (
            {"id": gid("Document", graph[previous])} if previous else None)
        # An earlier version is attached to what its current version is attached to.
        assert found["attachedTo"] == project


async def test_subject_documents_follow_the_subject_rule(
        gql: GraphQL, as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    for client in (gql, as_viewer(graph["U0"])):
        assert await visible(client, graph, PUBLIC + HIDDEN) == PUBLIC
    found = (await gql.data(DOCUMENT, id=gid("Document", graph["E_open"])))["node"]
    assert found["attachedTo"] == {"id": gid("Community", graph["C_open"]),
                                   "__typename": "Community"}
    listed = await gql.data("""query($id: ID!) { node(id: $id) { ... on Community {
      documents { totalCount edges { node { id } } } } } }""", id=gid("Community", graph["C_open"]))
    assert node_ids(listed["node"]["documents"]["edges"]) == [gid("Document", graph["E_open"])]


async def test_documents_round_trips_follow_depth(
        as_viewer: Callable[[str | None], Viewer], graph: ProbeGraph) -> None:
    query = """query($id: ID!, $size: Int!) { node(id: $id) { ... on Project {
      documents(first: $size) { edges { node { id uploadedBy { id } attachedTo { id }
        versions(first: $size) { edges { node { id previousVersion { id } } } } } } } } } }"""
    client = as_viewer(graph["U0"])
    trips = []
    for size in (2, 3):
        body = await client(query, id=gid("Project", graph["P0"]), size=size)
        assert "errors" not in body
        assert len(body["data"]["node"]["documents"]["edges"]) == size
        trips.append(body["extensions"]["cypher"]["roundTrips"])
    # project, documents, uploaders, attached subjects (the project is loaded already),
    # versions, their previous versions
    assert trips == [6, 6]


@strawberry.type
class ProbeSubject(Node):
    """A type of some attachable label, declaring its documents the way such types do."""

    documents = documents_field("Community")


@strawberry.type
class ProbeQuery:
    @strawberry.field
    def subject(self, id: str) -> ProbeSubject:
        return ProbeSubject(node_id=id)


async def test_any_attachable_type_gets_documents_in_one_line(
        db: Database, settings: Settings, graph: ProbeGraph) -> None:
    probe_schema = strawberry.Schema(query=ProbeQuery, types=[ProbeSubject],
                                     config=StrawberryConfig(scalar_map=SCALARS))
    query = """query($id: String!) {
      subject(id: $id) { documents { totalCount edges { node { id } } } } }"""
    for community, expected in (("C_open", ["E_open"]), ("C_closed", [])):
        context = Context(db=db, settings=settings, stats=begin_stats())
        result = await probe_schema.execute(query, variable_values={"id": graph[community]},
                                            context_value=context)
        assert result.errors is None, result.errors
        assert result.data is not None
        documents = result.data["subject"]["documents"]
        assert node_ids(documents["edges"]) == [gid("Document", graph[name]) for name in expected]
        assert documents["totalCount"] == len(expected)
