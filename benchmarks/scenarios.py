"""The front-end queries the scale benchmark times, each with how it picks its variables.

Variables come from the loaded data through the API itself (e.g. the best-connected
organization), so the same scenario works at any scale and seed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Post = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Scenario:
    """A named query and the coroutine that chooses its variables."""

    name: str
    query: str
    variables: Callable[[Post], Awaitable[dict[str, Any]]]


async def _none(post: Post) -> dict[str, Any]:
    return {}


async def _first_user(post: Post) -> dict[str, Any]:
    body = await post("{ users(first: 1, filter: {province: MILANO}) "
                      "{ edges { node { handle } } } }", {})
    return {"handle": body["data"]["users"]["edges"][0]["node"]["handle"]}


async def _first_organization(post: Post) -> dict[str, Any]:
    body = await post("{ organizations(first: 1, filter: {kinds: [UNIVERSITY]}) "
                      "{ edges { node { id } } } }", {})
    return {"id": body["data"]["organizations"]["edges"][0]["node"]["id"]}


async def _an_area_and_competence(post: Post) -> dict[str, Any]:
    body = await post("{ s3Areas(first: 1) { edges { node { id } } } "
                      "competences(first: 1) { edges { node { id } } } }", {})
    return {"area": body["data"]["s3Areas"]["edges"][0]["node"]["id"],
            "competence": body["data"]["competences"]["edges"][0]["node"]["id"]}


PROFILE_PAGE = Scenario("profile page", """
query($handle: String!) {
  user(handle: $handle) {
    displayName headline bio province createdAt
    organizations(first: 5) { edges { role title node { id name city } } }
    skills(first: 20) { totalCount edges { level node { name } } }
    interestAreas(first: 10) { edges { node { code nameIt } } }
  }
}""", _first_user)

ORGANIZATION_PAGE = Scenario("organization page", """
query($id: ID!) {
  node(id: $id) {
    ... on Organization {
      name kind description city province website foundedYear
      competences(first: 20) { totalCount edges { distinctive node { name } } }
      s3Areas(first: 10) { edges { node { code nameIt } } }
      members(first: 20) { totalCount edges { role title node { displayName handle } } }
    }
  }
}""", _first_organization)

PEOPLE_DIRECTORY = Scenario("people by S3 area and competence", """
query($area: ID!, $competence: ID!) {
  users(first: 20, filter: {s3Area: $area, competence: $competence}) {
    totalCount edges { node { displayName headline province } }
  }
}""", _an_area_and_competence)

async def _largest_community(post: Post) -> dict[str, Any]:
    body = await post("{ communities(first: 1, filter: {kinds: [THEMATIC_S3]}, "
                      "orderBy: {field: MEMBER_COUNT, direction: DESC}) "
                      "{ edges { node { id } } } }", {})
    return {"id": body["data"]["communities"]["edges"][0]["node"]["id"]}


async def _busiest_discussion(post: Post) -> dict[str, Any]:
    body = await post("{ discussions(first: 1) { edges { node { id } } } }", {})
    return {"id": body["data"]["discussions"]["edges"][0]["node"]["id"]}


async def _open_proposal_filters(post: Post) -> dict[str, Any]:
    body = await post("{ proposals(first: 50, filter: {openOnly: true, origins: [TERRITORY]}) "
                      "{ edges { node { s3Areas(first: 1) { edges { node { id } } } "
                      "soughtCompetences(first: 1) { edges { node { id broader { id } } } } "
                      "} } } }", {})
    for edge in body["data"]["proposals"]["edges"]:
        node = edge["node"]
        areas, competences = node["s3Areas"]["edges"], node["soughtCompetences"]["edges"]
        if areas and competences:
            competence = competences[0]["node"]
            # the broader competence, when there is one: the filter includes narrower ones
            chosen = (competence["broader"] or competence)["id"]
            return {"area": areas[0]["node"]["id"], "competence": chosen, "before": "2030-12-31"}
    raise SystemExit("no open territorial proposal with an S3 area and a sought competence")


async def _a_proposal(post: Post) -> dict[str, Any]:
    body = await post("{ proposals(first: 1, filter: {openOnly: true}) "
                      "{ edges { node { id } } } }", {})
    return {"id": body["data"]["proposals"]["edges"][0]["node"]["id"]}


async def _active_project(post: Post) -> dict[str, Any]:
    body = await post("{ projects(first: 1, filter: {statuses: [ACTIVE]}) { edges { node { id "
                      "people(first: 1) { edges { node { id } } } } } } }", {})
    project = body["data"]["projects"]["edges"][0]["node"]
    return {"id": project["id"], VIEWER: project["people"]["edges"][0]["node"]["id"]}


# A variable naming (by global ID) the person a scenario is asked as; not sent to the API.
VIEWER = "viewer"

COMMUNITY_PAGE = Scenario("community page with latest discussions", """
query($id: ID!) {
  node(id: $id) {
    ... on Community {
      name description kind access memberCount followerCount discussionCount
      s3Areas(first: 5) { edges { node { code nameIt } } }
      members(first: 12) { totalCount edges { role since node { displayName handle } } }
      discussions(first: 10) {
        totalCount
        edges { node { title lastActivityAt commentCount author { displayName handle } } }
      }
    }
  }
}""", _largest_community)

DISCUSSION_THREAD = Scenario("discussion with its comment thread", """
query($id: ID!) {
  node(id: $id) {
    ... on Discussion {
      title body createdAt locked commentCount
      author { displayName organizations(first: 1) { edges { node { name } } } }
      community { name }
      comments(first: 20) {
        edges { node { body createdAt replyCount author { displayName }
          replies(first: 5) { edges { node { body createdAt author { displayName } } } } } }
      }
    }
  }
}""", _busiest_discussion)

OPEN_PROPOSALS = Scenario("open proposals by S3 area and competence, closing before a date", """
query($area: ID!, $competence: ID!, $before: Date!) {
  proposals(first: 20, orderBy: {field: DEADLINE, direction: ASC},
            filter: {openOnly: true, s3Area: $area, competence: $competence,
                     deadlineBefore: $before}) {
    totalCount
    edges { node { title kind origin deadline interestCount
      proposingOrganization { name }
      soughtCompetences(first: 5) { edges { node { name } } } } }
  }
}""", _open_proposal_filters)

PROPOSAL_PAGE = Scenario("proposal page", """
query($id: ID!) {
  node(id: $id) {
    ... on Proposal {
      title summary description kind origin status collaborationTypes developmentStage ipr
      deadline country interestCount followerCount commentCount
      proposedBy { displayName } proposingOrganization { name city }
      soughtCompetences(first: 10) { edges { node { name broader { name } } } }
      s3Areas(first: 5) { edges { node { code nameIt } } }
      keywords(first: 10) { edges { node { scheme label } } }
    }
  }
}""", _a_proposal)

PROJECT_DASHBOARD = Scenario("project dashboard with budget totals (as a project member)", """
query($id: ID!) {
  node(id: $id) {
    ... on Project {
      title acronym status startDate endDate fundingProgramme
      totalBudget { amount currency } partnerCount activityCount
      partners(first: 10) { edges { role share budget { amount } node { name province } } }
      activities(first: 10) { edges { node { title startDate endDate status progress } } }
      milestones(first: 5) { edges { node { title dueDate reachedAt } } }
      budgetByPartner { partner { name } planned { amount } spent { amount } }
      budgetByCategory { category planned { amount } spent { amount } }
    }
  }
}""", _active_project)

NEWS_FEED = Scenario("news feed", """
{
  news(first: 20) {
    edges { node { title summary publishedAt commentCount
      onBehalfOf { name } author { displayName }
      s3Areas(first: 3) { edges { node { code } } } } }
  }
}""", _none)


async def _largest_area(post: Post) -> dict[str, Any]:
    """The S3 area with the most projects (the largest collaboration network of one area),
    and a person to ask as (the metrics need one)."""
    body = await post("{ s3Areas(first: 100) { edges { node { id } } } "
                      "users(first: 1) { edges { node { id } } } }", {})
    sizes = {}
    for edge in body["data"]["s3Areas"]["edges"]:
        area = edge["node"]["id"]
        counted = await post("query($area: ID!) { projects(first: 1, filter: {s3Area: $area}) "
                             "{ totalCount } }", {"area": area})
        sizes[area] = counted["data"]["projects"]["totalCount"]
    return {"area": max(sizes, key=lambda area: sizes[area]),
            VIEWER: body["data"]["users"]["edges"][0]["node"]["id"]}


COLLABORATION_METRICS = Scenario("collaboration metrics of the largest S3 area", """
query($area: ID!) {
  collaborationMetrics(s3Area: $area, top: 10) {
    projectCount organizationCount collaborationCount communityCount modularity
    mostCentral(by: BETWEENNESS) { betweenness degree organization { name } }
    communities { number size members { weightedDegree organization { name } } }
  }
}""", _largest_area)

SEARCH = Scenario("search", """
{
  search(query: "innovazione sostenibilità Milano", first: 20) {
    totalCount edges { score node { __typename id } }
  }
}""", _none)

async def _connected_pair(post: Post) -> dict[str, Any]:
    """A person working on an active project and the first university they are connected to
    within the default four ties: a path that exists, as people look for."""
    chosen = await _active_project(post)
    person = chosen[VIEWER]
    body = await post("{ organizations(first: 50, filter: {kinds: [UNIVERSITY]}) "
                      "{ edges { node { id } } } }", {})
    for edge in body["data"]["organizations"]["edges"]:
        organization = edge["node"]["id"]
        found = await post("query($from: ID!, $to: ID!) { connectionPath(from: $from, to: $to) "
                           "{ length } }", {"from": person, "to": organization})
        if found["data"]["connectionPath"]:
            return {"from": person, "to": organization}
    raise SystemExit("no university within four ties of a person on an active project")


async def _project_person(post: Post) -> dict[str, Any]:
    return {"id": (await _active_project(post))[VIEWER]}


COLLABORATORS = Scenario("collaborators of an organization", """
query($id: ID!) {
  collaborators(of: $id, first: 20) {
    totalCount
    edges { weight node { ... on Organization { name province } }
      sharedProjects { acronym startDate } s3Areas { code } }
  }
}""", _first_organization)

COLLABORATION_NETWORK = Scenario("collaboration network of the largest S3 area", """
query($area: ID!) {
  collaborationNetwork(s3Area: $area) {
    nodes { id label size kind province }
    edges { source target weight s3Areas }
    s3Areas { id code nameIt }
  }
}""", _largest_area)

CONNECTION_PATH = Scenario("connection paths from a person to a university", """
query($from: ID!, $to: ID!) {
  connectionPath(from: $from, to: $to) {
    length
    nodes { __typename id ... on User { displayName } ... on Organization { name }
      ... on Project { acronym } ... on Community { name } }
    hops { kind direction }
  }
}""", _connected_pair)

EGO_NETWORK = Scenario("ego network of a person, two ties deep", """
query($id: ID!) {
  egoNetwork(of: $id, depth: 2) {
    truncated nodes { id type label distance } ties { source target kind }
  }
}""", _project_person)

async def _proposer_and_proposal(post: Post) -> dict[str, Any]:
    """An open territorial proposal made for an organization and seeking competences, and the
    person who made it: partner suggestions are for those who speak for the proposer."""
    body = await post("{ proposals(first: 50, filter: {openOnly: true, origins: [TERRITORY]}) "
                      "{ edges { node { id proposedBy { id } proposingOrganization { id } "
                      "soughtCompetences(first: 1) { totalCount } } } } }", {})
    for edge in body["data"]["proposals"]["edges"]:
        node = edge["node"]
        if (node["proposedBy"] and node["proposingOrganization"]
                and node["soughtCompetences"]["totalCount"]):
            return {"id": node["id"], VIEWER: node["proposedBy"]["id"]}
    raise SystemExit("no open territorial proposal made for an organization seeking competences")


async def _project_viewer(post: Post) -> dict[str, Any]:
    return {VIEWER: (await _active_project(post))[VIEWER]}


PARTNER_SUGGESTIONS = Scenario("partner suggestions for a proposal (as its proposer)", """
query($id: ID!) {
  node(id: $id) {
    ... on Proposal {
      title
      suggestedPartners(first: 10) {
        score node { name city } reasons { kind text related { __typename id } }
      }
    }
  }
}""", _proposer_and_proposal)

RECOMMENDATIONS = Scenario("recommended proposals, communities and people (as a person)", """
{
  recommendedProposals(first: 5) { score node { title deadline } reasons { kind text } }
  recommendedCommunities(first: 5) { score node { name access } reasons { kind text } }
  peopleToFollow(first: 5) { score node { displayName headline } reasons { kind text } }
}""", _project_viewer)

SCENARIOS = [PROFILE_PAGE, ORGANIZATION_PAGE, PEOPLE_DIRECTORY, COMMUNITY_PAGE,
             DISCUSSION_THREAD, OPEN_PROPOSALS, PROPOSAL_PAGE, PROJECT_DASHBOARD, NEWS_FEED,
             SEARCH, COLLABORATORS, COLLABORATION_NETWORK, CONNECTION_PATH, EGO_NETWORK,
             COLLABORATION_METRICS, PARTNER_SUGGESTIONS, RECOMMENDATIONS]
