"""Compiled execution (schema/compiled) answers exactly as the normal one: every benchmark
question and scenario, and wider queries, asked both ways as several viewers, give the same
response byte for byte; the questions it covers are indeed compiled; and what it cannot answer
(errors, refused arguments, lookups of nothing) is answered by the normal path."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import date
from typing import Any

import pytest
from graphql import GraphQLLeafType, GraphQLObjectType, get_nullable_type

from app import ids
from app.db import Database
from app.settings import Settings
from benchmarks.peer_compare import CAST
from benchmarks.peer_lists import QUESTIONS
from benchmarks.scenarios import SCENARIOS, VIEWER
from schema import schema
from schema.compiled import executor, planning, values
from schema.network.collaborators import COLLABORATOR_ORDER
from schema.node import _by_label, _registry
from schema.opportunities.filters import PROPOSAL_SORTS, ProposalOrderField
from schema.pagination import encode_cursor
from schema.plans import RelatedPlan, plan_of
from schema.taxonomy.types import Province
from tests import project_team
from tests.conftest import AsViewer, Viewer
from tests.test_project_mutations import ADD_PARTNER, CREATE_PROJECT

pytestmark = pytest.mark.asyncio(loop_scope="session")

WIDE_PROFILE = """
query Profile($handle: String!, $after: String) {
  user(handle: $handle) {
    __typename id handle displayName headline province createdAt email followerCount
    organizations(first: 5) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { __typename cursor role title since
        node { id name city kind country province foundedYear } } }
    firstSkills: skills(first: 2) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor level node { id name nameIt } } }
    skills(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage }
      edges { level node { name } } }
    lastSkills: skills(last: 2) { pageInfo { hasNextPage hasPreviousPage startCursor }
      edges { level node { name } } }
    lastSkillsAlone: skills(last: 2) { edges { level node { name } } }
    interestAreas(first: 10) { edges { node { __typename id code nameIt nameEn period } } }
  }
}"""

WIDE_NESTED = """
query NestedList($first: Int!, $withEmail: Boolean!) {
  __typename
  communities(first: $first, filter: {access: [OPEN, RESERVED, CLOSED]}) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kind access createdAt discussionCount followerCount
      ...Members } }
  }
}
fragment Members on Community {
  members(first: $first, filter: {statuses: [ACTIVE, INVITED, REQUESTED]}) {
    totalCount edges { role status since node { displayName email @include(if: $withEmail)
    organizations(first: $first) { edges { role node { name } } } } } }
}"""

WIDE_EGO_NETWORK = """
query Ego($id: ID!, $depth: Int!) {
  egoNetwork(of: $id, depth: $depth) {
    __typename truncated
    nodes { __typename id type label distance }
    ties { source target kind }
  }
}"""

WIDE_COLLABORATORS = """
query WideCollaborators($id: ID!, $after: String) {
  collaborators(of: $id, first: 3, after: $after) {
    __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor weight
      node { __typename id ... on Organization { name province country } ...Person } }
  }
}
fragment Person on User { displayName handle }"""

# The questions compiled execution covers, by their operation's name.
COVERED = ("query Profile(", "query NestedList(", "query CommunityPage(", "query OpenProposals(",
           "query OrganizationPage(", "query ProjectDashboard(", "query Collaborators(",
           "query TwoHops(", "query Ego(", "query WideCollaborators(")


def _canonical(body: dict[str, Any]) -> str:
    return json.dumps({key: body.get(key) for key in ("data", "errors")}, sort_keys=True)


async def _both(db: Database, settings: Settings, viewer: str | None, query: str,
                variables: dict[str, Any]) -> tuple[str, str, bool]:
    """The normal answer, the answer with compiled execution on, and whether it compiled."""
    normal = await Viewer(db, settings.model_copy(update={"compiled_execution": False}),
                          viewer)(query, **variables)
    context_settings = settings.model_copy(update={"compiled_execution": True})
    answer = await Viewer(db, context_settings, viewer, check_compiled=False)(query, **variables)
    compiled = bool(answer.get("extensions", {}).get("cypher", {}).get("compiled"))
    return _canonical(normal), _canonical(answer), compiled


async def _viewers(db: Database) -> dict[str, str | None]:
    member = await db.read("MATCH (u:User)-[:MEMBER_OF {status: 'ACTIVE'}]->"
                           "(:Community {access: 'CLOSED'}) RETURN u.id AS id ORDER BY u.id "
                           "LIMIT 1")
    admin = await db.read("MATCH (u:User) WHERE 'PLATFORM_ADMIN' IN u.platformRoles "
                          "RETURN u.id AS id ORDER BY u.id LIMIT 1")
    found: dict[str, str | None] = {"anonymous": None}
    if member:
        found["a member of a closed community"] = member[0]["id"]
    if admin:
        found["a platform admin"] = admin[0]["id"]
    return found


async def test_every_question_answers_the_same_both_ways(
        db: Database, settings: Settings, as_viewer: AsViewer) -> None:
    cast = (await db.read(CAST))[0].data()
    anonymous = as_viewer(None)

    async def post(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = await anonymous(query, **variables)
        return body

    asked = [(question.name, question.ours_query, question.ours_variables(cast))
             for question in QUESTIONS]
    for scenario in SCENARIOS:
        variables = await scenario.variables(post)
        variables.pop(VIEWER, None)
        asked.append((scenario.name, scenario.query, variables))
    asked += [("wide profile", WIDE_PROFILE, {"handle": cast["handle"], "after": None}),
              ("wide nested list", WIDE_NESTED, {"first": 20, "withEmail": True}),
              ("wide nested list without email", WIDE_NESTED, {"first": 5, "withEmail": False})]
    organization = ids.encode("Organization", cast["organization"])
    person = (await db.read("MATCH (u:User)-[:WORKS_ON]->() RETURN u.id AS id "
                            "ORDER BY u.id LIMIT 1"))[0]["id"]
    for actor in (organization, ids.encode("User", person)):
        asked += [("ego network", WIDE_EGO_NETWORK, {"id": actor, "depth": 2}),
                  ("collaborators", WIDE_COLLABORATORS, {"id": actor, "after": None})]
    asked.append(("collaborators' second page", WIDE_COLLABORATORS, {
        "id": organization, "after": encode_cursor(COLLABORATOR_ORDER, -1, "0")}))
    differences, compiled, refused = [], set(), set()
    for viewer_name, viewer in (await _viewers(db)).items():
        for name, query, variables in asked:
            normal, answered, ran_compiled = await _both(db, settings, viewer, query, variables)
            if normal != answered:
                differences.append(f"{name} as {viewer_name}")
            if ran_compiled:
                compiled.add(name)
            if json.loads(normal)["errors"]:
                refused.add(name)
    assert differences == []
    covered = {name for name, query, _ in asked
               if query.strip().startswith(COVERED)} - refused
    assert covered and covered <= compiled, covered - compiled


@pytest.mark.parametrize(("query", "variables"), [
    # a lookup that finds nothing: the normal path's NOT_FOUND
    ("query($h: String!) { user(handle: $h) { displayName } }", {"h": "nobody-at-all"}),
    # refused page arguments and cursors: BAD_USER_INPUT with the field's path
    ("{ communities(first: 1000) { edges { node { name } } } }", {}),
    ("{ communities(first: 2, last: 2) { edges { node { name } } } }", {}),
    ("{ communities(after: \"bm90IGEgY3Vyc29y\") { edges { node { name } } } }", {}),
    # a malformed global ID
    ("query($id: ID!) { node(id: $id) { id } }", {"id": "not-an-id"}),
    # a domain function's refusals: an actor of nothing, a depth out of range, a page size
    ("query($id: ID!) { egoNetwork(of: $id) { nodes { id } } }",
     {"id": ids.encode("Organization", str(uuid.UUID(int=7)))}),
    ("query($id: ID!) { egoNetwork(of: $id, depth: 9) { nodes { id } } }",
     {"id": ids.encode("Organization", str(uuid.UUID(int=7)))}),
    ("query($id: ID!) { collaborators(of: $id, first: 1000) { edges { weight } } }",
     {"id": ids.encode("Organization", str(uuid.UUID(int=7)))}),
    # a cursor of the right ordering whose time Neo4j refuses: INTERNAL, nothing of Neo4j's
    ("query($a: String) { proposals(first: 2, after: $a) { edges { node { title } } } }",
     {"a": encode_cursor(PROPOSAL_SORTS[ProposalOrderField.CREATED_AT],
                         "2024-13-45T99:99:99Z", "x")}),
])
async def test_what_compiled_execution_cannot_answer_is_answered_normally(
        db: Database, settings: Settings, query: str, variables: dict[str, Any]) -> None:
    normal, answered, compiled = await _both(db, settings, None, query, variables)
    assert json.loads(normal)["errors"]
    assert answered == normal
    assert not compiled


async def test_a_query_compiles_into_one_statement_per_root_field(
        db: Database, settings: Settings) -> None:
    cast = (await db.read(CAST))[0].data()
    query = """query($handle: String!, $id: ID!) {
      user(handle: $handle) { displayName skills(first: 3) { edges { node { name } } } }
      community: node(id: $id) { ... on Community { name members(first: 3) {
        edges { node { displayName organizations(first: 2) { edges { node { name } } } } } } } }
    }"""
    variables = {"handle": cast["handle"], "id": ids.encode("Community", cast["community"])}
    body = await Viewer(db, settings, None)(query, **variables)
    assert body["extensions"]["cypher"] == {**body["extensions"]["cypher"], "compiled": True,
                                             "roundTrips": 2}
    assert body["data"]["community"]["members"]["edges"]


AMOUNTS_OF_PARTNERS = """
query($id: ID!) { node(id: $id) { ... on Project { title totalBudget { amount currency }
  partners(first: 5) { edges { role share budget { amount currency } node { name } } } } } }"""
AMOUNTS_OF_PROJECTS = """
query($id: ID!) { node(id: $id) { ... on Organization { name
  projects(first: 5) { edges { role share budget { cents currency } node { title } } } } } }"""


async def test_amounts_are_made_of_the_projects_own_currency_and_total(
        db: Database, settings: Settings, as_viewer: AsViewer) -> None:
    """A project read only for what a query shows still makes its amounts of its own total
    and currency (PROJECT's made_of), as the page's and the partners' from_fields do."""
    async with project_team.team(db) as team:
        admin = as_viewer(team.users["admin"])
        created = (await admin.data(CREATE_PROJECT, input={
            "organization": team.org("coordinator"), "title": "Amounts probe",
            "startDate": "2026-01-01", "endDate": "2027-12-31", "totalBudget": "1000.00",
            "currency": "CHF"}))["createProject"]
        assert created["userErrors"] == []
        project = created["project"]["id"]
        added = await admin.data(ADD_PARTNER, input={
            "project": project, "organization": team.org("partner"), "budget": "250.00"})
        assert added["addPartner"]["userErrors"] == []
        for query, node in ((AMOUNTS_OF_PARTNERS, project),
                            (AMOUNTS_OF_PROJECTS, team.org("partner"))):
            normal, answered, compiled = await _both(db, settings, None, query, {"id": node})
            assert compiled and answered == normal
            assert '"share": 25.0' in normal and '"currency": "CHF"' in normal


async def test_fields_that_do_not_compile_leave_the_query_to_the_normal_path(
        db: Database, settings: Settings) -> None:
    cast = (await db.read(CAST))[0].data()
    # `communities` (not marked) under a person, one connection's edges under two aliases,
    # and one edge's node under two aliases
    for query in ('query($h: String!) { user(handle: $h) { displayName '
                  'communities(first: 2) { edges { node { name } } } } }',
                  'query($h: String!) { user(handle: $h) { skills(first: 2) { '
                  'edges { level } more: edges { node { name } } } } }',
                  'query($h: String!) { user(handle: $h) { organizations(first: 2) { '
                  'edges { node { name } again: node { id name } } } } }'):
        normal, answered, compiled = await _both(db, settings, None, query,
                                                 {"h": cast["handle"]})
        assert answered == normal
        assert not compiled
        assert not json.loads(normal)["errors"]


async def test_what_only_the_normal_path_reads_is_found_before_reading(
        db: Database, settings: Settings) -> None:
    """A selection the compiled path cannot build is found when compiling, not after a
    statement ran: a made edge (a partner's share) without its node, a field with a resolver
    under an interface of a domain function's answer."""
    cast = (await db.read(CAST))[0].data()
    for query, variables in (
            ("query($id: ID!) { node(id: $id) { ... on Project { partners(first: 3) { "
             "edges { share } } } } }", {"id": ids.encode("Project", cast["project"])}),
            ("query($id: ID!) { collaborators(of: $id, first: 2) { edges { node { "
             "... on Organization { name competences(first: 1) { totalCount } } } } } }",
             {"id": ids.encode("Organization", cast["organization"])})):
        normal = await Viewer(db, settings.model_copy(update={"compiled_execution": False}),
                              None)(query, **variables)
        answered = await Viewer(db, settings.model_copy(update={"compiled_execution": True}),
                                None, check_compiled=False)(query, **variables)
        assert _canonical(answered) == _canonical(normal)
        assert normal["data"] and not normal.get("errors")
        assert not answered["extensions"]["cypher"].get("compiled")
        # no statement was sent and thrown away
        assert (answered["extensions"]["cypher"]["roundTrips"]
                == normal["extensions"]["cypher"]["roundTrips"])


async def test_every_plain_field_reads_as_from_fields_makes_it(db: Database) -> None:
    """A plain field compiled execution reads from a node's map equals the attribute the type's
    `from_fields` makes of the same map, for every node type and field, on the seed data: a
    conversion written in `from_fields` and not in values.CONVERSIONS is found here."""
    graphql_schema = schema._schema
    checked = 0
    viewers = list((await _viewers(db)).values())
    for (type_name, node_type), viewer in itertools.product(_registry.items(), viewers):
        object_type = graphql_schema.get_type(type_name)
        assert isinstance(object_type, GraphQLObjectType)
        available = node_type.kind.entries
        records = await db.read(f"MATCH (n:{node_type.kind.label}) "
                                f"RETURN n {{ {node_type.kind.projection} }} AS fields "
                                "ORDER BY n.id LIMIT 50", {"viewerId": viewer})
        for name, field in object_type.fields.items():
            definition = field.extensions.get("strawberry-definition")
            if (name not in available or definition is None or definition.base_resolver
                    or not hasattr(get_nullable_type(field.type), "serialize")):
                continue
            leaf = values.leaf(type_name, name, field, definition)
            serialize = get_nullable_type(field.type).serialize
            for record in records:
                fields = dict(record["fields"])
                expected = getattr(node_type.build(fields), definition.python_name)
                try:
                    read = leaf(fields)
                except values.NotCompilable:
                    read = None
                assert read == (None if expected is None else serialize(expected)), \
                    (type_name, name, fields.get("id"))
                checked += 1
    assert checked > 1000


def _marked_connections() -> list[tuple[GraphQLObjectType, RelatedPlan]]:
    """The edge type and plan (with its arguments' defaults) of every connection field that
    compiled execution may read."""
    found = []
    for graphql_type in schema._schema.type_map.values():
        if (not isinstance(graphql_type, GraphQLObjectType)
                or graphql_type is schema._schema.query_type):
            continue
        for field in graphql_type.fields.values():
            definition = field.extensions.get("strawberry-definition")
            resolver = definition.base_resolver if definition is not None else None
            plan = plan_of(resolver.wrapped_func if resolver is not None else None)
            if plan is None or not isinstance(made := plan(), RelatedPlan):
                continue
            connection = get_nullable_type(field.type)
            edges = get_nullable_type(connection.fields["edges"].type)
            found.append((get_nullable_type(edges.of_type), made))
    return found


async def test_every_stored_edge_field_reads_as_make_edge_makes_it(db: Database) -> None:
    """An edge field compiled execution reads from the relationship equals the attribute the
    resolver's `make_edge` makes of the same item, for every marked connection, on the seed
    data: a field computed by `make_edge` and not listed in values.MADE is found here."""
    checked = 0
    marked = _marked_connections()
    assert len(marked) >= 9
    for edge_type, plan in marked:
        relation = plan.relation
        parent = _by_label[relation.parent]
        records = await db.read(
            f"MATCH (p:{relation.parent}) MATCH {relation.pattern} "
            f"WHERE {relation.condition(plan.parameters)} "
            f"RETURN p {{ {parent.kind.projection} }} AS parent, "
            f"n {{ {relation.target.projection} }} AS node, properties(r) AS edge "
            "ORDER BY p.id, n.id LIMIT 50", {"viewerId": None, **plan.parameters})
        for name, field in edge_type.fields.items():
            definition = field.extensions.get("strawberry-definition")
            if (name in ("cursor", "node") or (edge_type.name, name) in values.MADE
                    or definition is None or definition.base_resolver
                    or not hasattr(get_nullable_type(field.type), "serialize")):
                continue
            leaf = values.leaf(edge_type.name, name, field, definition)
            serialize = get_nullable_type(field.type).serialize
            for record in records:
                make_edge = plan.edges(parent.build(dict(record["parent"])))
                item = {"node": dict(record["node"]), "edge": dict(record["edge"])}
                expected = getattr(make_edge("cursor", item), definition.python_name)
                try:
                    read = leaf(item["edge"])
                except values.NotCompilable:
                    read = None
                assert read == (None if expected is None else serialize(expected)), \
                    (edge_type.name, name, item["edge"])
                checked += 1
    assert checked > 100


async def test_a_shape_is_one_statement_whatever_the_order_of_its_fields(
        db: Database, settings: Settings) -> None:
    cast = (await db.read(CAST))[0].data()
    asked = ('query($h: String!) { user(handle: $h) { headline displayName '
             'skills(first: 2) { totalCount edges { level node { name } } } } }')
    reordered = ('query($h: String!) { user(handle: $h) { skills(first: 2) { '
                 'edges { node { name } level } totalCount } displayName headline } }')
    first = await Viewer(db, settings, None)(asked, h=cast["handle"])
    known = set(executor.KNOWN.texts)
    second = await Viewer(db, settings, None)(reordered, h=cast["handle"])
    assert first["extensions"]["cypher"]["compiled"] and second["extensions"]["cypher"]["compiled"]
    assert executor.KNOWN.texts == known
    # each answer keeps the order its query asked for
    assert list(first["data"]["user"]) == ["headline", "displayName", "skills"]
    assert list(second["data"]["user"]) == ["skills", "displayName", "headline"]
    assert list(second["data"]["user"]["skills"]) == ["edges", "totalCount"]


async def test_beyond_its_statements_a_process_answers_new_shapes_field_by_field(
        db: Database, settings: Settings) -> None:
    cast = (await db.read(CAST))[0].data()
    known = 'query($h: String!) { user(handle: $h) { displayName } }'
    await Viewer(db, settings, None)(known, h=cast["handle"])
    full = settings.model_copy(update={"compiled_statements_max": len(executor.KNOWN.texts)})
    new_shape = f'query($h: String!) {{ user(handle: $h) {{ a{uuid.uuid4().hex}: handle }} }}'
    answered = await Viewer(db, full, None)(new_shape, h=cast["handle"])
    again = await Viewer(db, full, None)(known, h=cast["handle"])
    assert not answered["extensions"]["cypher"]["compiled"]
    assert list(answered["data"]["user"].values()) == [cast["handle"]]
    assert again["extensions"]["cypher"]["compiled"]


def _outcome(serialize: Any, value: Any) -> tuple[str, Any]:
    try:
        result = serialize(value)
    except Exception as refused:  # the refusal itself is compared
        return "refused", (type(refused), str(refused))
    return "value", (type(result), result)


LEAF_SAMPLES: list[Any] = [
    "text", "", "MILANO", "nowhere", True, False, 0, 7, -(2**31), 2**31 - 1, 2**31,
    -(2**31) - 1, 1.0, 2.5, float("nan"), Province.MILANO, Province.MILANO.value, [1], {"a": 1},
    date(2026, 11, 26), None]


@pytest.mark.parametrize("type_name", ["String", "ID", "Boolean", "Int", "Float", "Date",
                                       "Province", "ProposalStatus"])
async def test_leaves_serialize_as_graphql_core_serializes_them(type_name: str) -> None:
    leaf_type = schema._schema.type_map[type_name]
    assert isinstance(leaf_type, GraphQLLeafType)
    fast = values.serialized(leaf_type)
    for value in LEAF_SAMPLES * 2:  # twice: an enum's name is looked up once, then kept
        assert _outcome(fast, value) == _outcome(leaf_type.serialize, value), (type_name, value)


async def test_a_compiled_operation_kept_answers_by_each_requests_variables_and_viewer(
        db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # one settings object, so that the operation compiled for the first request is kept and
    # used again by the later ones with the same variables
    compilations: list[dict[str, Any]] = []
    compile_operation = planning.Compiler.operation

    def counted(compiler: planning.Compiler) -> planning.CompiledOperation:
        compilations.append(dict(compiler.executor.variable_values.coerced))
        return compile_operation(compiler)

    monkeypatch.setattr(planning.Compiler, "operation", counted)
    compiled_settings = settings.model_copy(update={"compiled_execution": True})
    normal_settings = settings.model_copy(update={"compiled_execution": False})
    viewers = list((await _viewers(db)).values())
    assert len(viewers) >= 2
    for variables in ({"first": 20, "withEmail": True}, {"first": 5, "withEmail": False},
                      {"first": 20, "withEmail": True}, {"first": 5, "withEmail": True}):
        answers = set()
        for viewer in viewers:
            normal = await Viewer(db, normal_settings, viewer)(WIDE_NESTED, **variables)
            answer = await Viewer(db, compiled_settings, viewer, check_compiled=False)(
                WIDE_NESTED, **variables)
            assert answer["extensions"]["cypher"]["compiled"], variables
            assert _canonical(answer) == _canonical(normal), (variables, viewer)
            answers.add(_canonical(answer))
        assert len(answers) > 1, variables  # the viewers see different members
    # compiled once for each set of variables, whoever asked
    assert compilations == [{"first": 20, "withEmail": True}, {"first": 5, "withEmail": False},
                            {"first": 5, "withEmail": True}]
