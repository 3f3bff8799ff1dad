"""The pages `benchmarks.peer_compare` asks for: a profile, an organization, a community and a
project dashboard (see `benchmarks.peer_question`)."""

from __future__ import annotations

from app import ids
from benchmarks.peer_question import (
    BY_NAME,
    Question,
    cents,
    edges,
    first_of,
    instant,
    integer,
    single,
    sort,
)

# -- the profile page ----------------------------------------------------------------------------

PROFILE = Question(
    name="profile page",
    ours_query="""
query Profile($handle: String!) {
  user(handle: $handle) {
    displayName headline province
    organizations(first: 5) { edges { role title node { name city } } }
    skills(first: 20) { totalCount edges { level node { name } } }
    interestAreas(first: 10) { edges { node { code nameIt } } }
  }
}""",
    peer_query=f"""
query Profile($handle: String!) {{
  users(where: {{handle: {{eq: $handle}}}}) {{
    displayName headline province
    organizationsConnection(first: 5, sort: {BY_NAME}) {{
      edges {{ properties {{ role title }} node {{ name city }} }} }}
    skillsConnection(first: 20, sort: {BY_NAME}) {{
      totalCount edges {{ properties {{ level }} node {{ name }} }} }}
    interestAreasConnection(first: 10, sort: {sort("code", "id")}) {{
      edges {{ node {{ code nameIt }} }} }}
  }}
}}""",
    floor_file="peer_profile.cypher",
    ours_variables=lambda cast: {"handle": cast["handle"]},
    peer_variables=lambda cast: {"handle": cast["handle"]},
    floor_parameters=lambda cast: {"handle": cast["handle"]},
    ours=lambda data: {
        "displayName": data["user"]["displayName"], "headline": data["user"]["headline"],
        "province": data["user"]["province"],
        "organizations": [[e["role"], e["title"], e["node"]["name"], e["node"]["city"]]
                          for e in edges(data["user"]["organizations"])],
        "skillCount": data["user"]["skills"]["totalCount"],
        "skills": [[e["level"], e["node"]["name"]] for e in edges(data["user"]["skills"])],
        "areas": [[e["node"]["code"], e["node"]["nameIt"]]
                  for e in edges(data["user"]["interestAreas"])]},
    peer=lambda data: (lambda user: {
        "displayName": user["displayName"], "headline": user["headline"],
        "province": user["province"],
        "organizations": [[e["properties"]["role"], e["properties"]["title"], e["node"]["name"],
                           e["node"]["city"]] for e in edges(user["organizationsConnection"])],
        "skillCount": user["skillsConnection"]["totalCount"],
        "skills": [[e["properties"]["level"], e["node"]["name"]]
                   for e in edges(user["skillsConnection"])],
        "areas": [[e["node"]["code"], e["node"]["nameIt"]]
                  for e in edges(user["interestAreasConnection"])]})(single(data, "users")),
)

# -- the organization page -----------------------------------------------------------------------

ORGANIZATION = Question(
    name="organization page",
    ours_query="""
query OrganizationPage($id: ID!) {
  node(id: $id) {
    ... on Organization {
      name kind city
      competences(first: 20) { totalCount edges { distinctive node { name } } }
      projects(first: 10) {
        totalCount
        edges { role budget { cents } node { acronym title startDate
          partners(first: 10) { edges { role node { name } } } } }
      }
    }
  }
}""",
    peer_query=f"""
query OrganizationPage($id: ID!) {{
  organizations(where: {{id: {{eq: $id}}}}) {{
    name kind city
    competencesConnection(first: 20, sort: {BY_NAME}) {{
      totalCount edges {{ properties {{ distinctive }} node {{ name }} }} }}
    projectsConnection(first: 10, sort: {sort("startDate", "id", direction="DESC")}) {{
      totalCount
      edges {{ properties {{ role budget }} node {{ acronym title startDate
        partnersConnection(first: 10, sort: {BY_NAME}) {{
          edges {{ properties {{ role }} node {{ name }} }} }} }} }}
    }}
  }}
}}""",
    floor_file="peer_organization.cypher",
    ours_variables=lambda cast: {"id": ids.encode("Organization", cast["organization"])},
    peer_variables=lambda cast: {"id": cast["organization"]},
    floor_parameters=lambda cast: {"id": cast["organization"]},
    ours=lambda data: (lambda org: {
        "name": org["name"], "kind": org["kind"], "city": org["city"],
        "competenceCount": org["competences"]["totalCount"],
        "competences": [[e["distinctive"], e["node"]["name"]] for e in edges(org["competences"])],
        "projectCount": org["projects"]["totalCount"],
        "projects": [[e["role"], cents(e["budget"]), e["node"]["acronym"], e["node"]["title"],
                      e["node"]["startDate"],
                      [[p["role"], p["node"]["name"]] for p in edges(e["node"]["partners"])]]
                     for e in edges(org["projects"])]})(data["node"]),
    peer=lambda data: (lambda org: {
        "name": org["name"], "kind": org["kind"], "city": org["city"],
        "competenceCount": org["competencesConnection"]["totalCount"],
        "competences": [[e["properties"]["distinctive"], e["node"]["name"]]
                        for e in edges(org["competencesConnection"])],
        "projectCount": org["projectsConnection"]["totalCount"],
        "projects": [[e["properties"]["role"], integer(e["properties"]["budget"]),
                      e["node"]["acronym"], e["node"]["title"], e["node"]["startDate"],
                      [[p["properties"]["role"], p["node"]["name"]]
                       for p in edges(e["node"]["partnersConnection"])]]
                     for e in edges(org["projectsConnection"])]})(single(data, "organizations")),
)

# -- the community page --------------------------------------------------------------------------

COMMUNITY = Question(
    name="community page",
    ours_query="""
query CommunityPage($id: ID!) {
  node(id: $id) {
    ... on Community {
      name kind access memberCount
      discussions(first: 10) {
        totalCount
        edges { node { title lastActivityAt commentCount author { displayName } } }
      }
    }
  }
}""",
    peer_query=f"""
query CommunityPage($id: ID!) {{
  communities(where: {{id: {{eq: $id}}}}) {{
    name kind access
    membersConnection(where: {{edge: {{status: {{eq: "ACTIVE"}}}}}}) {{ totalCount }}
    discussionsConnection(first: 10, sort: {sort("lastActivityAt", "id", direction="DESC")}) {{
      totalCount
      edges {{ node {{ title lastActivityAt commentsConnection {{ totalCount }}
        author {{ displayName }} }} }}
    }}
  }}
}}""",
    floor_file="peer_community.cypher",
    ours_variables=lambda cast: {"id": ids.encode("Community", cast["community"])},
    peer_variables=lambda cast: {"id": cast["community"]},
    floor_parameters=lambda cast: {"id": cast["community"]},
    ours=lambda data: (lambda community: {
        "name": community["name"], "kind": community["kind"], "access": community["access"],
        "memberCount": community["memberCount"],
        "discussionCount": community["discussions"]["totalCount"],
        "discussions": [[e["node"]["title"], instant(e["node"]["lastActivityAt"]),
                         e["node"]["commentCount"],
                         (e["node"]["author"] or {}).get("displayName")]
                        for e in edges(community["discussions"])]})(data["node"]),
    peer=lambda data: (lambda community: {
        "name": community["name"], "kind": community["kind"], "access": community["access"],
        "memberCount": community["membersConnection"]["totalCount"],
        "discussionCount": community["discussionsConnection"]["totalCount"],
        "discussions": [[e["node"]["title"], instant(e["node"]["lastActivityAt"]),
                         e["node"]["commentsConnection"]["totalCount"],
                         first_of(e["node"]["author"], "displayName")]
                        for e in edges(community["discussionsConnection"])]
    })(single(data, "communities")),
)

# -- the project dashboard -----------------------------------------------------------------------

PROJECT = Question(
    name="project dashboard",
    ours_query="""
query ProjectDashboard($id: ID!) {
  node(id: $id) {
    ... on Project {
      title acronym status startDate endDate totalBudget { cents } partnerCount
      partners(first: 10) { edges { role budget { cents } node { name province } } }
    }
  }
}""",
    peer_query=f"""
query ProjectDashboard($id: ID!) {{
  projects(where: {{id: {{eq: $id}}}}) {{
    title acronym status startDate endDate totalBudget
    partnersConnection(first: 10, sort: {BY_NAME}) {{
      totalCount edges {{ properties {{ role budget }} node {{ name province }} }} }}
  }}
}}""",
    floor_file="peer_project.cypher",
    ours_variables=lambda cast: {"id": ids.encode("Project", cast["project"])},
    peer_variables=lambda cast: {"id": cast["project"]},
    floor_parameters=lambda cast: {"id": cast["project"]},
    ours=lambda data: (lambda project: {
        **{key: project[key] for key in ("title", "acronym", "status", "startDate", "endDate")},
        "totalBudget": cents(project["totalBudget"]), "partnerCount": project["partnerCount"],
        "partners": [[e["role"], cents(e["budget"]), e["node"]["name"], e["node"]["province"]]
                     for e in edges(project["partners"])]})(data["node"]),
    peer=lambda data: (lambda project: {
        **{key: project[key] for key in ("title", "acronym", "status", "startDate", "endDate")},
        "totalBudget": integer(project["totalBudget"]),
        "partnerCount": project["partnersConnection"]["totalCount"],
        "partners": [[e["properties"]["role"], integer(e["properties"]["budget"]),
                      e["node"]["name"], e["node"]["province"]]
                     for e in edges(project["partnersConnection"])]})(single(data, "projects")),
)

PAGES = [PROFILE, ORGANIZATION, COMMUNITY, PROJECT]
