"""Recommendations on a graph whose answers are known by construction
(tests/recommendation_graph.py): partners for a proposal, and proposals, communities and
people for the viewer, ranked, with the facts that explain them, and never anything already
involved or hidden from the viewer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from app.db import Database
from tests.conftest import AsViewer, error_codes
from tests.network_graph import NetworkGraph
from tests.recommendation_graph import recommendation_graph


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def graph(db: Database) -> AsyncIterator[NetworkGraph]:
    async with recommendation_graph(db) as built:
        yield built


ITEMS = "score node { id } reasons { kind text related { __typename id } }"
PARTNERS = f"""
query($id: ID!, $first: Int! = 10) {{
  node(id: $id) {{ ... on Proposal {{ suggestedPartners(first: $first) {{ {ITEMS} }} }} }}
}}"""
FOR_VIEWER = {field: f"query($first: Int! = 10) {{ {field}(first: $first) {{ {ITEMS} }} }}"
              for field in ("recommendedProposals", "recommendedCommunities", "peopleToFollow")}


async def partners(as_viewer: AsViewer, graph: NetworkGraph, viewer: str | None,
                   first: int = 10) -> list[dict[str, Any]] | None:
    data = await as_viewer(graph.viewer(viewer)).data(PARTNERS, id=graph.gid("p"), first=first)
    found: list[dict[str, Any]] | None = data["node"]["suggestedPartners"]
    return found


async def for_viewer(as_viewer: AsViewer, graph: NetworkGraph,
                     field: str) -> list[dict[str, Any]]:
    data = await as_viewer(graph.viewer("me")).data(FOR_VIEWER[field])
    found: list[dict[str, Any]] = data[field]
    return found


def keys(graph: NetworkGraph, items: list[dict[str, Any]]) -> list[str]:
    return [graph.key(item["node"]["id"]) for item in items]


def scores(graph: NetworkGraph, items: list[dict[str, Any]]) -> dict[str, float]:
    return {graph.key(item["node"]["id"]): item["score"] for item in items}


def reasons(graph: NetworkGraph, items: list[dict[str, Any]],
            key: str) -> list[tuple[str, str, list[str]]]:
    """The reasons of the item `key`: kind, text with the probe's names as their keys, and the
    keys of the related nodes."""
    item = next(item for item in items if graph.key(item["node"]["id"]) == key)
    return [(reason["kind"], plain(graph, reason["text"]),
             [graph.key(node["id"]) for node in reason["related"]])
            for reason in item["reasons"]]


def plain(graph: NetworkGraph, text: str) -> str:
    """`text` with each name of the probe replaced by its key, longest names first."""
    for key, name in sorted(graph.names.items(), key=lambda pair: -len(pair[1])):
        text = text.replace(name, key)
    return text


async def test_partners_rank_a_perfect_fit_above_partial_ones(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    found = await partners(as_viewer, graph, "author")
    assert found is not None
    # holding both sought competences and partnered with the proposer, then two hops away,
    # then holding one through a narrower competence, then one of the two, then less
    assert keys(graph, found) == ["perfect", "second", "narrow", "partial", "mine"]
    assert scores(graph, found) == pytest.approx({
        "perfect": 0.6 + 0.25 / 3 + 0.15, "second": 0.6 + 0.15 * 0.5, "narrow": 0.875 * 0.6,
        "partial": 0.5 * (0.6 + 0.25 / 3 + 0.15), "mine": 0.375 * 0.6})


async def test_partners_never_include_those_already_involved(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    for viewer in ("author", "facilitator"):
        found = await partners(as_viewer, graph, viewer)
        assert found is not None
        # the proposer's own, the one whose interest it received, the partner of the
        # project it led to; and one holding nothing it seeks
        assert not {"home", "interested", "led", "unrelated"} & set(keys(graph, found))


async def test_partner_reasons_name_the_facts(as_viewer: AsViewer,
                                              graph: NetworkGraph) -> None:
    found = await partners(as_viewer, graph, "author")
    assert found is not None
    assert reasons(graph, found, "perfect") == [
        ("COMPETENCE", "Holds am (a distinctive competence)", ["am"]),
        ("COMPETENCE", "Holds vision", ["vision"]),
        ("AREA_COLLABORATION", "Partner in px1 on x in 2022", ["px1", "x"]),
        ("PROPOSER_PARTNER", "Partnered with home on px1 in 2022", ["home", "px1"]),
    ]
    assert reasons(graph, found, "second") == [
        ("COMPETENCE", "Holds am", ["am"]), ("COMPETENCE", "Holds vision", ["vision"]),
        ("PROPOSER_NETWORK", "Partnered with perfect on py2 in 2023, a partner of the "
         "proposer in px1", ["perfect", "py2", "px1"]),
    ]
    assert reasons(graph, found, "narrow") == [
        ("COMPETENCE", "Holds metal, within am", ["metal", "am"]),
        ("COMPETENCE", "Holds vision", ["vision"]),
    ]


async def test_partners_of_a_person_come_from_the_projects_they_work_on(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    data = await as_viewer(graph.viewer("outsider")).data(PARTNERS, id=graph.gid("p_solo"))
    found = data["node"]["suggestedPartners"]
    assert set(keys(graph, found)[:2]) == {"perfect", "second"}
    assert reasons(graph, found, "second") == [
        ("COMPETENCE", "Holds vision", ["vision"]),
        ("PROPOSER_PARTNER", "Partner in py2 in 2023, which outsider works on",
         ["py2", "outsider"]),
    ]


async def test_partner_suggestions_are_for_the_proposer_and_facilitators(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    assert await partners(as_viewer, graph, "outsider") is None
    assert await partners(as_viewer, graph, None) is None
    by_author = await partners(as_viewer, graph, "author")
    by_facilitator = await partners(as_viewer, graph, "facilitator")
    assert by_author is not None and by_facilitator is not None
    assert keys(graph, by_facilitator) == keys(graph, by_author)


async def test_first_bounds_the_recommendations(as_viewer: AsViewer,
                                                graph: NetworkGraph) -> None:
    found = await partners(as_viewer, graph, "author", first=2)
    assert found is not None and keys(graph, found) == ["perfect", "second"]
    for first in (0, 51):
        body = await as_viewer(graph.viewer("me"))(FOR_VIEWER["peopleToFollow"], first=first)
        assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_proposals_for_the_viewer(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    found = await for_viewer(as_viewer, graph, "recommendedProposals")
    # never their own or their organization's, one they answered or follow, a draft they may
    # not see, one past its deadline or closed
    assert keys(graph, found) == ["q_perfect", "q_narrower", "q_partial", "p"]
    assert scores(graph, found) == pytest.approx({
        "q_perfect": 1.0, "q_narrower": 0.65, "q_partial": 0.2 + 0.125 + 0.175,
        "p": 0.2 + 0.125 + 0.35 / 3})
    assert reasons(graph, found, "q_perfect") == [
        ("SKILL", "Seeks rob, one of your skills", ["rob"]),
        ("ORGANIZATION_COMPETENCE", "Seeks rob, which mine holds", ["rob", "mine"]),
        ("INTEREST", "Seeks rob, which interests you", ["rob"]),
        ("INTEREST", "Tagged with x, which interests you", ["x"]),
    ]
    assert reasons(graph, found, "q_narrower") == [
        ("SKILL", "Seeks am; you are skilled in metal", ["am", "metal"]),
        ("ORGANIZATION_COMPETENCE", "Seeks am; mine holds metal", ["am", "mine", "metal"]),
    ]


async def test_communities_for_the_viewer(as_viewer: AsViewer,
                                          graph: NetworkGraph) -> None:
    found = await for_viewer(as_viewer, graph, "recommendedCommunities")
    # never a closed one, one they belong to or asked to join
    assert keys(graph, found) == ["c_perfect", "c_reserved", "c_partial"]
    assert scores(graph, found) == pytest.approx({
        "c_perfect": 0.5 + 0.25 + 0.25 / 3, "c_reserved": 0.75, "c_partial": 0.375})
    assert reasons(graph, found, "c_perfect") == [
        ("INTEREST", "Focuses on x, which interests you", ["x"]),
        ("PROJECT", "Focuses on x, like your project pm", ["x", "pm"]),
        ("FOLLOWED_MEMBERS", "followed, whom you follow, is a member", ["followed"]),
    ]
    # the members of a reserved community are not the viewer's to see
    assert [kind for kind, *_ in reasons(graph, found, "c_reserved")] == ["INTEREST", "PROJECT"]


async def test_people_for_the_viewer(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    found = await for_viewer(as_viewer, graph, "peopleToFollow")
    # never the viewer, someone they follow, or someone who shares only an S3 area
    assert keys(graph, found) == ["twin", "colleague", "acquaintance"]
    assert scores(graph, found) == pytest.approx({"twin": 0.8, "colleague": 0.5,
                                                  "acquaintance": 0.15})
    assert reasons(graph, found, "twin") == [
        ("SKILL", "Also skilled in metal", ["metal"]),
        ("SKILL", "Also skilled in rob", ["rob"]),
        ("INTEREST", "Also interested in rob", ["rob"]),
        ("INTEREST", "Also interested in x", ["x"]),
        ("PROJECT", "Works with you on pm", ["pm"]),
    ]


async def test_the_viewer_must_sign_in(as_viewer: AsViewer, graph: NetworkGraph) -> None:
    for query in FOR_VIEWER.values():
        assert error_codes(await as_viewer(None)(query)) == ["UNAUTHENTICATED"]


async def test_suggestions_for_many_proposals_take_one_round_trip(
        as_viewer: AsViewer, graph: NetworkGraph) -> None:
    query = f"""query($ids: [ID!]!) {{
      nodes(ids: $ids) {{ ... on Proposal {{ suggestedPartners {{ {ITEMS} }} }} }}
    }}"""
    proposals = ["p", "q_perfect", "q_narrower", "q_partial"]
    body = await as_viewer(graph.viewer("facilitator"))(
        query, ids=[graph.gid(key) for key in proposals])
    assert "errors" not in body, body["errors"]
    assert all(node["suggestedPartners"] is not None for node in body["data"]["nodes"])
    # the proposals, their suggestions, the nodes the reasons name
    assert body["extensions"]["cypher"]["roundTrips"] == 3
