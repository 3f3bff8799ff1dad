// A probe graph of communities, content and follows (described in tests/community_graph.py);
// every node carries `probe` and the label Probe, so delete_probe removes it all.
CALL {
  UNWIND $areas AS a
  CREATE (:S3Area:Probe {id: a.id, code: a.code, nameIt: a.name, nameEn: a.name, period: '2021-2027',
                   probe: $probe})
}
CALL {
  UNWIND $users AS u
  CREATE (:User:Probe {id: u.id, handle: u.handle, displayName: u.displayName,
                 createdAt: u.createdAt, probe: $probe})
}
CALL {
  UNWIND $organizations AS o
  CREATE (:Organization:Probe {id: o.id, name: o.name, kind: 'SME', country: 'IT', probe: $probe})
}
CALL {
  UNWIND $organizationMembers AS m
  MATCH (u:User {id: m.user}), (o:Organization {id: m.organization})
  CREATE (u)-[:MEMBER_OF {role: 'MEMBER', since: date('2020-01-01')}]->(o)
}
CALL {
  UNWIND $communities AS c
  CREATE (:Community:Probe {id: c.id, name: c.name, description: c.description, kind: c.kind,
                      access: c.access, createdAt: c.createdAt, probe: $probe})
}
CALL {
  UNWIND $communityAreas AS pair
  MATCH (c:Community {id: pair.community}), (a:S3Area {id: pair.area})
  CREATE (c)-[:FOCUSES_ON]->(a)
}
CALL {
  UNWIND $parents AS pair
  MATCH (child:Community {id: pair.child}), (parent:Community {id: pair.parent})
  CREATE (child)-[:PART_OF]->(parent)
}
CALL {
  UNWIND $memberships AS m
  MATCH (u:User {id: m.user}), (c:Community {id: m.community})
  CREATE (u)-[:MEMBER_OF {role: m.role, status: m.status, since: m.since}]->(c)
}
CALL {
  UNWIND $discussions AS d
  MATCH (c:Community {id: d.community}), (u:User {id: d.author})
  CREATE (u)-[:AUTHORED]->(:Discussion:Probe {id: d.id, title: d.title, body: d.body,
                                        createdAt: d.createdAt, locked: d.locked,
                                        lastActivityAt: d.lastActivityAt, probe: $probe})-[:IN]->(c)
}
CALL {
  UNWIND $news AS n
  MATCH (u:User {id: n.author})
  CREATE (u)-[:AUTHORED]->(:News:Probe {id: n.id, title: n.title, summary: n.summary, body: n.body,
                                  publishedAt: n.publishedAt, probe: $probe})
}
CALL {
  UNWIND $newsAreas AS pair
  MATCH (n:News {id: pair.news}), (a:S3Area {id: pair.area})
  CREATE (n)-[:TAGGED]->(a)
}
CALL {
  UNWIND $newsOrganizations AS pair
  MATCH (n:News {id: pair.news}), (o:Organization {id: pair.organization})
  CREATE (n)-[:ON_BEHALF_OF]->(o)
}
CALL {
  UNWIND $proposals AS p
  MATCH (u:User {id: p.author})
  CREATE (u)-[:PROPOSED]->(:Proposal:Probe {
    id: p.id, title: p.title, summary: p.title, description: p.title, kind: 'COLLABORATION',
    origin: 'TERRITORY', status: p.status, collaborationTypes: ['RESEARCH'],
    developmentStage: 'IDEA', ipr: 'NONE', deadline: date('2030-01-01'),
    closesOn: date('2030-01-01'), country: 'IT',
    createdAt: p.createdAt, probe: $probe})
}
CALL {
  UNWIND $discussionComments AS c
  MATCH (s:Discussion {id: c.subject}), (u:User {id: c.author})
  CREATE (u)-[:AUTHORED]->(:Comment:Probe {id: c.id, body: c.body, createdAt: c.createdAt,
                                     probe: $probe})-[:ON]->(s)
}
CALL {
  UNWIND $newsComments AS c
  MATCH (s:News {id: c.subject}), (u:User {id: c.author})
  CREATE (u)-[:AUTHORED]->(:Comment:Probe {id: c.id, body: c.body, createdAt: c.createdAt,
                                     probe: $probe})-[:ON]->(s)
}
CALL {
  UNWIND $proposalComments AS c
  MATCH (s:Proposal {id: c.subject}), (u:User {id: c.author})
  CREATE (u)-[:AUTHORED]->(:Comment:Probe {id: c.id, body: c.body, createdAt: c.createdAt,
                                     probe: $probe})-[:ON]->(s)
}
CALL {
  UNWIND $replies AS pair
  MATCH (reply:Comment {id: pair.reply}), (answered:Comment {id: pair.answered})
  CREATE (reply)-[:REPLY_TO]->(answered)
}
CALL {
  UNWIND $userFollows AS f
  MATCH (u:User {id: f.user}), (target:User {id: f.target})
  CREATE (u)-[:FOLLOWS {since: f.since}]->(target)
}
CALL {
  UNWIND $organizationFollows AS f
  MATCH (u:User {id: f.user}), (target:Organization {id: f.target})
  CREATE (u)-[:FOLLOWS {since: f.since}]->(target)
}
CALL {
  UNWIND $communityFollows AS f
  MATCH (u:User {id: f.user}), (target:Community {id: f.target})
  CREATE (u)-[:FOLLOWS {since: f.since}]->(target)
}
CALL {
  UNWIND $projects AS p
  CREATE (:Project:Probe {id: p.id, title: p.title, status: p.status, startDate: p.startDate,
                          endDate: p.startDate + duration('P2Y'), currency: 'EUR',
                          probe: $probe})
}
CALL {
  UNWIND $proposalFollows AS f
  MATCH (u:User {id: f.user}), (target:Proposal {id: f.target})
  CREATE (u)-[:FOLLOWS {since: f.since}]->(target)
}
CALL {
  UNWIND $projectFollows AS f
  MATCH (u:User {id: f.user}), (target:Project {id: f.target})
  CREATE (u)-[:FOLLOWS {since: f.since}]->(target)
}
