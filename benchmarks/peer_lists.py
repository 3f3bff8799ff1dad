"""The lists and network questions `benchmarks.peer_compare` asks: open proposals by S3 area
and competence, a three-level nested list, the collaborators of an organization in an S3 area
and the organizations two ties away (see `benchmarks.peer_question`); and every question."""

from __future__ import annotations

from app import ids
from benchmarks.peer_pages import PAGES
from benchmarks.peer_question import (
    BY_NAME,
    Json,
    Question,
    edges,
    first_of,
    single,
    sort,
)

OPEN_PROPOSALS = Question(
    name="open proposals by S3 area and competence",
    ours_query="""
query OpenProposals($area: ID!, $competence: ID!) {
  proposals(first: 20, orderBy: {field: DEADLINE, direction: ASC},
            filter: {openOnly: true, s3Area: $area, competence: $competence}) {
    totalCount
    edges { node { title kind deadline proposingOrganization { name }
      soughtCompetences(first: 5) { edges { node { name } } } } }
  }
}""",
    # The taxonomy has three levels: the competence itself, or one or two steps narrower.
    peer_query=f"""
query OpenProposals($area: ID!, $competence: ID!, $today: Date!) {{
  proposalsConnection(
    first: 20, sort: {sort("deadline", "id", edge=False)},
    where: {{status: {{eq: "PUBLISHED"}}, deadline: {{gte: $today}},
            s3Areas: {{some: {{id: {{eq: $area}}}}}},
            soughtCompetences: {{some: {{OR: [
              {{id: {{eq: $competence}}}},
              {{broader: {{some: {{id: {{eq: $competence}}}}}}}},
              {{broader: {{some: {{broader: {{some: {{id: {{eq: $competence}}}}}}}}}}}}]}}}}}}) {{
    totalCount
    edges {{ node {{ title kind deadline proposingOrganization {{ name }}
      soughtCompetencesConnection(first: 5, sort: {BY_NAME}) {{ edges {{ node {{ name }} }} }}
    }} }}
  }}
}}""",
    floor_file="peer_proposals.cypher",
    ours_variables=lambda cast: {"area": ids.encode("S3Area", cast["proposalArea"]),
                                 "competence": ids.encode("Competence",
                                                          cast["proposalCompetence"])},
    peer_variables=lambda cast: {"area": cast["proposalArea"],
                                 "competence": cast["proposalCompetence"],
                                 "today": cast["today"]},
    floor_parameters=lambda cast: {"area": cast["proposalArea"],
                                   "competence": cast["proposalCompetence"]},
    ours=lambda data: {
        "totalCount": data["proposals"]["totalCount"],
        "proposals": [[e["node"]["title"], e["node"]["kind"], e["node"]["deadline"],
                       (e["node"]["proposingOrganization"] or {}).get("name"),
                       [c["node"]["name"] for c in edges(e["node"]["soughtCompetences"])]]
                      for e in edges(data["proposals"])]},
    peer=lambda data: {
        "totalCount": data["proposalsConnection"]["totalCount"],
        "proposals": [[e["node"]["title"], e["node"]["kind"], e["node"]["deadline"],
                       first_of(e["node"]["proposingOrganization"], "name"),
                       [c["node"]["name"]
                        for c in edges(e["node"]["soughtCompetencesConnection"])]]
                      for e in edges(data["proposalsConnection"])]},
)


def nested(size: int) -> Question:
    """OPEN communities by name → their active members by display name → the members'
    organizations by name, `size` of each."""
    return Question(
        name=f"communities → members → organizations, {size} each",
        ours_query="""
query NestedList($first: Int!) {
  communities(first: $first, filter: {access: [OPEN]}) {
    edges { node { name
      members(first: $first) { edges { role node { displayName
        organizations(first: $first) { edges { node { name } } } } } } } }
  }
}""",
        peer_query=f"""
query NestedList($first: Int!) {{
  communitiesConnection(first: $first, where: {{access: {{eq: "OPEN"}}}},
                        sort: {sort("name", "id", edge=False)}) {{
    edges {{ node {{ name
      membersConnection(first: $first, where: {{edge: {{status: {{eq: "ACTIVE"}}}}}},
                        sort: {sort("displayName", "id")}) {{
        edges {{ properties {{ role }} node {{ displayName
          organizationsConnection(first: $first, sort: {BY_NAME}) {{
            edges {{ node {{ name }} }} }} }} }} }} }} }}
  }}
}}""",
        floor_file="peer_nested.cypher",
        ours_variables=lambda cast: {"first": size},
        peer_variables=lambda cast: {"first": size},
        floor_parameters=lambda cast: {"first": size},
        ours=lambda data: {"communities": [
            [c["node"]["name"], [[m["role"], m["node"]["displayName"],
                                  [o["node"]["name"] for o in edges(m["node"]["organizations"])]]
                                 for m in edges(c["node"]["members"])]]
            for c in edges(data["communities"])]},
        peer=lambda data: {"communities": [
            [c["node"]["name"], [[m["properties"]["role"], m["node"]["displayName"],
                                  [o["node"]["name"]
                                   for o in edges(m["node"]["organizationsConnection"])]]
                                 for m in edges(c["node"]["membersConnection"])]]
            for c in edges(data["communitiesConnection"])]},
    )


COLLABORATORS = Question(
    name="collaborators of an organization in an S3 area",
    ours_query="""
query Collaborators($id: ID!, $area: ID!) {
  collaborators(of: $id, s3Area: $area, first: 20) {
    edges { weight node { ... on Organization { name province } } }
  }
}""",
    peer_query="""
query Collaborators($id: ID!, $area: ID!) {
  organizations(where: {id: {eq: $id}}) {
    collaborators(s3Area: $area, first: 20) { name province weight }
  }
}""",
    floor_file="peer_collaborators.cypher",
    ours_variables=lambda cast: {"id": ids.encode("Organization", cast["organization"]),
                                 "area": ids.encode("S3Area", cast["collaborationArea"])},
    peer_variables=lambda cast: {"id": cast["organization"], "area": cast["collaborationArea"]},
    floor_parameters=lambda cast: {"id": cast["organization"],
                                   "area": cast["collaborationArea"]},
    ours=lambda data: {"collaborators": [
        [e["node"]["name"], e["node"]["province"], e["weight"]]
        for e in edges(data["collaborators"])]},
    peer=lambda data: {"collaborators": [
        [c["name"], c["province"], c["weight"]]
        for c in single(data, "organizations")["collaborators"]]},
)


def _ours_two_hops(data: Json) -> Json:
    network = data["egoNetwork"]
    if network["truncated"]:
        raise ValueError("the ego network was truncated: raise EGO_NETWORK_MAX_NODES")
    return {"organizations": sorted(node["label"] for node in network["nodes"]
                                    if node["distance"] == 2)}


TWO_HOPS = Question(
    name="organizations two ties away",
    ours_query="""
query TwoHops($id: ID!) {
  egoNetwork(of: $id, depth: 2, via: [PARTNER_IN, MEMBER_OF_ORGANIZATION],
             types: [ORGANIZATION]) {
    truncated nodes { label distance }
  }
}""",
    peer_query="""
query TwoHops($id: ID!) {
  organizations(where: {id: {eq: $id}}) { twoHopOrganizations { name } }
}""",
    floor_file="peer_two_hops.cypher",
    ours_variables=lambda cast: {"id": ids.encode("Organization", cast["university"])},
    peer_variables=lambda cast: {"id": cast["university"]},
    floor_parameters=lambda cast: {"id": cast["university"]},
    ours=_ours_two_hops,
    peer=lambda data: {"organizations": sorted(
        other["name"] for other in single(data, "organizations")["twoHopOrganizations"])},
)

QUESTIONS = [*PAGES, OPEN_PROPOSALS, nested(20), nested(100), COLLABORATORS, TWO_HOPS]
