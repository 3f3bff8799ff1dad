"""Proposals, expressions of interest and keywords: filters, orderings, pagination both ways,
visibility through every path, counts, and round trips that follow the query's depth."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
import pytest_asyncio

from app import ids
from app.db import Database
from schema.opportunities.types import PROPOSAL_FILTER
from tests import opportunity_probe
from tests.conftest import AsViewer, GraphQL, error_codes, run_test_cypher
from tests.connections import PAGE_INFO, gids, node_ids, walk
from tests.opportunity_probe import Probe

PAGE = f"{PAGE_INFO} edges {{ cursor node {{ id }} }}"
ARGUMENTS = "first: $first, after: $after, last: $last, before: $before"
VARIABLES = "$first: Int, $after: String, $last: Int, $before: String"

PROPOSALS = f"""
query({VARIABLES}, $filter: ProposalFilter, $orderBy: ProposalOrder) {{
  proposals({ARGUMENTS}, filter: $filter, orderBy: $orderBy) {{ {PAGE} }}
}}"""

OWN_PROPOSALS = f"""
query($id: ID!, {VARIABLES}, $filter: ProposalFilter, $orderBy: ProposalOrder) {{
  node(id: $id) {{
    ... on Organization {{
      proposals({ARGUMENTS}, filter: $filter, orderBy: $orderBy) {{ {PAGE} }}
    }}
    ... on User {{ proposals({ARGUMENTS}, filter: $filter, orderBy: $orderBy) {{ {PAGE} }} }}
  }}
}}"""

FILTER_NAMES = ("kinds", "origins", "statuses", "openOnly", "s3Area", "competence",
                "collaborationType", "developmentStage", "deadlineBefore", "deadlineAfter",
                "country", "keyword", "proposingOrganization")
ID_TYPES = {"s3Area": "S3Area", "competence": "Competence", "keyword": "Keyword",
            "proposingOrganization": "Organization"}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def probe(db: Database) -> AsyncIterator[Probe]:
    created = await opportunity_probe.create(db)
    yield created
    await opportunity_probe.delete(db, created)


def variables(chosen: dict[str, Any]) -> dict[str, Any]:
    """A filter as GraphQL variables: global IDs, ISO dates."""
    result: dict[str, Any] = {}
    for name, value in chosen.items():
        if name in ID_TYPES:
            value = ids.encode(ID_TYPES[name], value)
        elif isinstance(value, date):
            value = value.isoformat()
        result[name] = value
    return result


async def expected(db: Database, chosen: dict[str, Any], order: dict[str, Any] | None = None,
                   proposer: str | None = None) -> list[str]:
    """The ids of the proposals a visitor sees through a filter, in the order asked for."""
    parameters: dict[str, Any] = dict.fromkeys(FILTER_NAMES)
    parameters.update(chosen, proposer=proposer)
    if isinstance(parameters["country"], str):
        parameters["country"] = parameters["country"].upper()
    rows = await run_test_cypher(db, "proposals_matching", **parameters)
    field = (order or {}).get("field", "CREATED_AT")
    direction = (order or {}).get("direction")
    keys = {
        "CREATED_AT": lambda row: (row["createdAt"].to_native(), row["id"]),
        "DEADLINE": lambda row: (row["deadline"].to_native() if row["deadline"]
                                 else date(9999, 12, 31), row["id"]),
        "TITLE": lambda row: (row["title"], row["id"]),
    }
    descending = direction == "DESC" or (direction is None and field == "CREATED_AT")
    return [row["id"] for row in sorted(rows, key=keys[field], reverse=descending)]


def filter_cases(probe: Probe) -> dict[str, dict[str, Any]]:
    """One filter per field (on the probe's proposals), and the issue's example."""
    taxonomy = probe.taxonomy
    today = probe.today
    own = {"keyword": probe.keyword}
    return {
        "none": own,
        "kinds": {**own, "kinds": ["COLLABORATION", "CHALLENGE", "TECHNOLOGY_OFFER"]},
        "origins": {**own, "origins": ["EEN"]},
        "statuses": {**own, "statuses": ["CLOSED", "DRAFT", "ARCHIVED"]},
        "open": {**own, "openOnly": True},
        "not only open": {**own, "openOnly": False},
        "area": {**own, "s3Area": taxonomy["areas"][0]},
        "competence and narrower": {**own, "competence": taxonomy["top"]},
        "middle competence": {**own, "competence": taxonomy["middle"]},
        "collaboration type": {**own, "collaborationType": "RESEARCH"},
        "development stage": {**own, "developmentStage": "IDEA"},
        "deadline before": {**own, "deadlineBefore": today + timedelta(days=30)},
        "deadline after": {**own, "deadlineAfter": today},
        "country": {**own, "country": "de"},
        "another keyword": {"keyword": probe.keywords[2]["id"]},
        "organization": {**own, "proposingOrganization": probe.organizations[0]["id"]},
        "example": {**own, "openOnly": True, "competence": taxonomy["top"],
                    "s3Area": taxonomy["areas"][0],
                    "deadlineBefore": today + timedelta(days=100)},
    }


async def test_every_filter_walks_both_ways_and_matches_the_graph(
        gql: GraphQL, db: Database, probe: Probe) -> None:
    everything = await expected(db, {"keyword": probe.keyword})
    for name, chosen in filter_cases(probe).items():
        wanted = await expected(db, chosen)
        assert wanted, name  # every case selects something...
        if name not in ("none", "not only open", "another keyword"):
            assert set(wanted) < set(everything), name  # ...and leaves something out
        edges = await walk(gql, PROPOSALS, ["proposals"], 5, backward_size=4,
                           filter=variables(chosen))
        assert node_ids(edges) == gids("Proposal", wanted), name


async def test_every_ordering_walks_both_ways(gql: GraphQL, db: Database, probe: Probe) -> None:
    for field in ("CREATED_AT", "DEADLINE", "TITLE"):
        for direction in (None, "ASC", "DESC"):
            order = {"field": field, "direction": direction}
            wanted = await expected(db, {"keyword": probe.keyword}, order)
            edges = await walk(gql, PROPOSALS, ["proposals"], 4, backward_size=3,
                               filter={"keyword": ids.encode("Keyword", probe.keyword)},
                               orderBy=order)
            assert node_ids(edges) == gids("Proposal", wanted), order


async def test_the_whole_list_matches_the_graph(gql: GraphQL, db: Database, probe: Probe) -> None:
    wanted = await expected(db, {})
    assert set(await expected(db, {"keyword": probe.keyword})) <= set(wanted)
    edges = await walk(gql, PROPOSALS, ["proposals"], 100, backward_size=97)
    assert node_ids(edges) == gids("Proposal", wanted)


async def test_a_competence_alone_or_beside_an_area_matches_the_graph(
        as_viewer: AsViewer, db: Database, probe: Probe) -> None:
    # alone, the planner starts from the competence; beside an area, the statement joins the
    # area's proposals with the competence's narrower ones (Conditions' hint): same answers,
    # compiled and the normal way (as_viewer asks both)
    taxonomy = probe.taxonomy
    own = {proposal["id"] for proposal in probe.proposals}
    for chosen in ({"competence": taxonomy["middle"]},
                   {"competence": taxonomy["top"], "s3Area": taxonomy["areas"][0]},
                   {"competence": taxonomy["top"], "s3Area": taxonomy["areas"][0],
                    "openOnly": True}):
        wanted = await expected(db, chosen)
        assert own & set(wanted), chosen  # the probe's proposals are among them
        edges = await walk(as_viewer(None), PROPOSALS, ["proposals"], 100, backward_size=97,
                           filter=variables(chosen))
        assert node_ids(edges) == gids("Proposal", wanted), chosen


async def test_the_competence_joins_only_beside_another_pattern(db: Database) -> None:
    both, _ = PROPOSAL_FILTER.parts({"competence": "c", "s3Area": "a"})
    assert [pattern.endswith("USING JOIN ON sought") for pattern in both] == [False, True]
    [alone], _ = PROPOSAL_FILTER.parts({"competence": "c", "openOnly": True})
    assert "USING" not in alone
    assert "USING" not in PROPOSAL_FILTER.predicate({"competence": "c", "s3Area": "a"})
    # Neo4j plans the join asked for (an unplannable hint would only be a notification)
    matches = "".join(f"\nMATCH {pattern}" for pattern in both)
    result = await db.driver.execute_query(
        f"EXPLAIN MATCH (n:Proposal){matches} RETURN DISTINCT n",
        {"competence": "c", "s3Area": "a"}, database_=db.database)
    assert result.summary.plan is not None
    assert _operators(result.summary.plan, "NodeHashJoin") == ["sought"]


def _operators(plan: dict[str, Any], name: str) -> list[str]:
    """The details of the operators `name` in an EXPLAIN plan (as the driver gives it)."""
    found = [plan["args"].get("Details", "")] if plan["operatorType"].startswith(name) else []
    for child in plan.get("children", []):
        found += _operators(child, name)
    return found


async def test_the_example_finds_the_open_proposal_and_not_the_closed_one(
        gql: GraphQL, probe: Probe) -> None:
    chosen = filter_cases(probe)["example"]
    query = """query($filter: ProposalFilter) {
      proposals(filter: $filter) { totalCount edges { node { title status deadline } } } }"""
    found = (await gql.data(query, filter=variables(chosen)))["proposals"]
    titles = {edge["node"]["title"] for edge in found["edges"]}
    assert "Probe example PUBLISHED" in titles
    assert "Probe example CLOSED" not in titles
    assert {edge["node"]["status"] for edge in found["edges"]} == {"PUBLISHED"}


async def test_proposals_of_organizations_and_people_filter_and_order(
        gql: GraphQL, db: Database, probe: Probe) -> None:
    organization = probe.organizations[0]["id"]
    person = probe.users[0]["id"]
    cases = [
        ("Organization", organization, {}, None),
        ("Organization", organization, {"openOnly": True}, {"field": "DEADLINE"}),
        ("Organization", organization, {"competence": probe.taxonomy["top"]},
         {"field": "TITLE", "direction": "DESC"}),
        ("User", person, {}, None),
        ("User", person, {"origins": ["TERRITORY"], "statuses": ["PUBLISHED"]},
         {"field": "CREATED_AT", "direction": "ASC"}),
        ("User", person, {"proposingOrganization": organization}, {"field": "TITLE"}),
    ]
    for type_name, parent, chosen, order in cases:
        if type_name == "Organization":
            wanted = await expected(db, {**chosen, "proposingOrganization": parent}, order)
        else:
            wanted = await expected(db, chosen, order, proposer=parent)
        assert wanted, (type_name, chosen)
        edges = await walk(gql, OWN_PROPOSALS, ["node", "proposals"], 2, backward_size=3,
                           id=ids.encode(type_name, parent), filter=variables(chosen),
                           orderBy=order)
        assert node_ids(edges) == gids("Proposal", wanted), (type_name, chosen)


async def test_hidden_proposals_are_not_found_anywhere(gql: GraphQL, probe: Probe) -> None:
    query = "query($id: ID!) { node(id: $id) { id } }"
    many = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    visible = ids.encode("Proposal", probe.with_status("PUBLISHED")["id"])
    for status in ("DRAFT", "TO_VALIDATE", "ARCHIVED"):
        hidden = ids.encode("Proposal", probe.with_status(status)["id"])
        body = await gql(query, id=hidden)
        assert body["data"] == {"node": None}
        assert error_codes(body) == ["NOT_FOUND"]
        found = (await gql.data(many, ids=[hidden, visible]))["nodes"]
        assert found == [None, {"id": visible}]
    listed = await gql.data(PROPOSALS, first=100, filter={
        "keyword": ids.encode("Keyword", probe.keyword),
        "statuses": ["DRAFT", "TO_VALIDATE", "ARCHIVED"]})
    assert listed["proposals"]["totalCount"] == 0
    assert listed["proposals"]["edges"] == []


async def test_counts_are_figures_of_the_whole_proposal(
        gql: GraphQL, db: Database, probe: Probe) -> None:
    rows = await run_test_cypher(db, "proposals_matching", **{
        **dict.fromkeys(FILTER_NAMES), "keyword": probe.keyword, "proposer": None})
    query = """query($filter: ProposalFilter) { proposals(first: 100, filter: $filter) {
      edges { node { id interestCount followerCount commentCount } } } }"""
    data = await gql.data(query, filter={"keyword": ids.encode("Keyword", probe.keyword)})
    found = {ids.parse(edge["node"]["id"])[1]: edge["node"]
             for edge in data["proposals"]["edges"]}
    assert found.keys() == {row["id"] for row in rows}
    for row in rows:
        counts = found[row["id"]]
        assert (counts["interestCount"], counts["followerCount"], counts["commentCount"]) == (
            row["interests"], row["followers"], row["comments"])
    assert any(row["interests"] for row in rows)
    assert any(row["followers"] for row in rows)
    assert any(row["comments"] for row in rows)


PROPOSAL_DETAILS = """
query($id: ID!) {
  node(id: $id) {
    ... on Proposal {
      title kind origin status collaborationTypes developmentStage ipr deadline externalRef
      country createdAt proposedBy { id } proposingOrganization { id }
    }
  }
}"""


def related_page(field: str, scheme: bool = False) -> str:
    """A query paging through one connection of a proposal (of keywords, of one scheme)."""
    declared, passed = (", $scheme: KeywordScheme", ", scheme: $scheme") if scheme else ("", "")
    return f"""
    query($id: ID!, {VARIABLES}{declared}) {{
      node(id: $id) {{ ... on Proposal {{ {field}({ARGUMENTS}{passed}) {{ {PAGE} }} }} }}
    }}"""


async def test_a_proposal_shows_its_fields_and_related_lists(
        gql: GraphQL, db: Database, probe: Probe) -> None:
    proposal = max((p for p in probe.proposals if p["status"] == "PUBLISHED"),
                   key=lambda p: (len(p["proposers"]), len(p["seeks"]), len(p["keywords"])))
    global_id = ids.encode("Proposal", proposal["id"])
    data = (await gql.data(PROPOSAL_DETAILS, id=global_id))["node"]
    assert (data["title"], data["kind"], data["origin"], data["status"]) == (
        proposal["title"], proposal["kind"], proposal["origin"], proposal["status"])
    assert (data["developmentStage"], data["ipr"], data["country"]) == (
        proposal["developmentStage"], proposal["ipr"], proposal["country"])
    assert data["collaborationTypes"] == proposal["collaborationTypes"]
    assert data["deadline"] == (proposal["deadline"].isoformat() if proposal["deadline"]
                                else None)
    people = {u["id"] for u in probe.users}
    proposed_by = [p for p in proposal["proposers"] if p in people]
    organizations = [p for p in proposal["proposers"] if p not in people]
    assert proposed_by and organizations
    assert [data["proposedBy"]["id"]] == gids("User", proposed_by)
    assert [data["proposingOrganization"]["id"]] == gids("Organization", organizations)

    competences = await run_test_cypher(db, "names_of", ids=proposal["seeks"])
    by_name = [row["id"] for row in sorted(competences, key=lambda r: (r["name"], r["id"]))]
    assert len(by_name) == 2
    edges = await walk(gql, related_page("soughtCompetences"), ["node", "soughtCompetences"], 1,
                       id=global_id)
    assert node_ids(edges) == gids("Competence", by_name)
    areas = await run_test_cypher(db, "names_of", ids=proposal["areas"])
    by_code = [row["id"] for row in sorted(areas, key=lambda r: (r["code"], r["id"]))]
    edges = await walk(gql, related_page("s3Areas"), ["node", "s3Areas"], 1, id=global_id)
    assert node_ids(edges) == gids("S3Area", by_code)
    keywords = {k["id"]: k for k in probe.keywords}
    query = related_page("keywords", scheme=True)
    for scheme in (None, "TECHNOLOGY", "MARKET", "NACE"):
        chosen = [keywords[k] for k in proposal["keywords"]
                  if scheme is None or keywords[k]["scheme"] == scheme]
        wanted = [k["id"] for k in sorted(chosen, key=lambda k: (k["label"], k["id"]))]
        edges = await walk(gql, query, ["node", "keywords"], 1, backward_size=2, id=global_id,
                           scheme=scheme)
        assert node_ids(edges) == gids("Keyword", wanted), scheme


INTERESTS = f"""
query($proposal: ID!, $person: ID!, {VARIABLES}) {{
  proposal: node(id: $proposal) {{
    ... on Proposal {{ interestCount expressionsOfInterest(first: 100) {{ {PAGE} }} }}
  }}
  person: node(id: $person) {{
    ... on User {{ expressionsOfInterest({ARGUMENTS}) {{ {PAGE}
      edges {{ node {{
        status contribution author {{ id }} proposal {{ id }} onBehalfOf {{ id }}
      }} }}
    }} }}
  }}
}}"""


def _newest_first(interests: list[dict[str, Any]]) -> list[str]:
    ordered = sorted(interests, key=lambda i: (i["createdAt"], i["id"]), reverse=True)
    return [i["id"] for i in ordered]


async def test_an_expression_of_interest_is_visible_to_its_author_and_proposer(
        as_viewer: AsViewer, gql: GraphQL, probe: Probe) -> None:
    author = probe.users[0]["id"]
    other = probe.users[1]["id"]
    own = [i for i in probe.interests if i["author"] == author]
    assert own and len(own) < len(probe.interests)
    person = ids.encode("User", author)
    proposal = ids.encode("Proposal", probe.example["id"])
    wanted = _newest_first(own)
    edges = await walk(as_viewer(author), INTERESTS, ["person", "expressionsOfInterest"], 3,
                       backward_size=4, proposal=proposal, person=person)
    assert node_ids(edges) == gids("ExpressionOfInterest", wanted)
    on_example = [i for i in probe.interests if i["proposal"] == probe.example["id"]]
    assert {i["author"] for i in on_example} >= {author, other}
    # the author of the example proposed it, and sees every interest in it; the other person
    # sees their own only
    assert author in probe.example["proposers"] and other not in probe.example["proposers"]
    for viewer in (author, other, None):
        data = await as_viewer(viewer).data(INTERESTS, proposal=proposal, person=person,
                                    first=100)
        theirs = [i for i in on_example if probe.interest_visible(i, viewer)]
        assert len(theirs) == {author: len(on_example), other: 1, None: 0}[viewer]
        listed = data["proposal"]["expressionsOfInterest"]
        assert node_ids(listed["edges"]) == gids("ExpressionOfInterest", _newest_first(theirs))
        assert listed["totalCount"] == len(theirs)
        assert data["proposal"]["interestCount"] == len(on_example)  # a public figure
        if viewer != author:
            seen = [i for i in own if probe.interest_visible(i, viewer)]
            listed = data["person"]["expressionsOfInterest"]
            assert listed["totalCount"] == len(seen)
            assert node_ids(listed["edges"]) == gids("ExpressionOfInterest",
                                                     _newest_first(seen)[:100])
    single = "query($id: ID!) { node(id: $id) { ... on ExpressionOfInterest { status } } }"
    interest = ids.encode("ExpressionOfInterest", own[0]["id"])
    assert (await as_viewer(author).data(single, id=interest))["node"] == {
        "status": own[0]["status"]}
    for viewer in (other, None):
        if not probe.interest_visible(own[0], viewer):
            assert error_codes(await as_viewer(viewer)(single, id=interest)) == ["NOT_FOUND"]
    assert error_codes(await gql(single, id=interest)) == ["NOT_FOUND"]


async def test_an_expression_of_interest_shows_its_author_proposal_and_organization(
        as_viewer: AsViewer, probe: Probe) -> None:
    author = probe.users[0]["id"]
    visible = {p["id"] for p in probe.proposals if probe.proposal_visible(p, author)}
    data = await as_viewer(author).data(INTERESTS, proposal=ids.encode(
        "Proposal", probe.proposals[0]["id"]), person=ids.encode("User", author), first=100)
    edges = data["person"]["expressionsOfInterest"]["edges"]
    by_id = {i["id"]: i for i in probe.interests}
    seen_hidden = False
    for edge in edges:
        interest = by_id[ids.parse(edge["node"]["id"])[1]]
        node = edge["node"]
        assert [node["author"]["id"]] == gids("User", [author])
        assert node["contribution"] == interest["contribution"]
        assert ([node["onBehalfOf"]["id"]] if node["onBehalfOf"] else []) == gids(
            "Organization", interest["onBehalfOf"])
        if interest["proposal"] in visible:
            assert [node["proposal"]["id"]] == gids("Proposal", [interest["proposal"]])
        else:
            assert node["proposal"] is None
            seen_hidden = True
    assert seen_hidden  # an interest in a proposal the author may not see


ROUND_TRIPS = """
query($size: Int!, $filter: ProposalFilter, $orderBy: ProposalOrder) {
  proposals(first: $size, filter: $filter, orderBy: $orderBy) {
    edges { node {
      soughtCompetences(first: $size) { edges { node { name broader { name } } } }
      proposingOrganization { name members(first: $size) { edges { node { handle } } } }
    } }
  }
}"""


async def test_round_trips_follow_the_depth_not_the_page_size(
        gql: GraphQL, probe: Probe) -> None:
    chosen = {"keyword": ids.encode("Keyword", probe.keyword)}
    # "Probe example ..." comes first: both proposals have an organization with members and
    # seek a competence with a broader one
    order = {"field": "TITLE", "direction": "DESC"}
    trips = []
    for size in (3, 20):
        body = await gql(ROUND_TRIPS, size=size, filter=chosen, orderBy=order)
        assert "errors" not in body, body
        edges = body["data"]["proposals"]["edges"]
        assert len(edges) == size
        # each page reaches every level: competences with a broader one, organizations
        assert any(c["node"]["broader"] for e in edges
                   for c in e["node"]["soughtCompetences"]["edges"])
        assert any(e["node"]["proposingOrganization"] for e in edges)
        trips.append(body["extensions"]["cypher"]["roundTrips"])
    # proposals, competences, broader ones, organizations, members
    assert trips == [5, 5]


@pytest.mark.parametrize("country", ["DEU", "1", "d"])
async def test_a_country_must_be_a_two_letter_code(gql: GraphQL, country: str) -> None:
    body = await gql(PROPOSALS, filter={"country": country})
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_cursors_belong_to_their_ordering(gql: GraphQL, probe: Probe) -> None:
    own = {"keyword": ids.encode("Keyword", probe.keyword)}
    by_deadline = (await gql.data(PROPOSALS, first=2, filter=own,
                                  orderBy={"field": "DEADLINE"}))["proposals"]
    body = await gql(PROPOSALS, first=2, filter=own, after=by_deadline["pageInfo"]["endCursor"])
    assert error_codes(body) == ["BAD_USER_INPUT"]
