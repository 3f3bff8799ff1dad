// A probe graph for the access rules (tests/access_probe.py): people in every role, and
// objects of each private kind with the ties that entitle some of them. Every node carries
// `probe` and the label Probe, so delete_probe removes it all.
CALL () {
  UNWIND $users AS u
  CREATE (:User:Probe {id: u.id, handle: u.handle, displayName: u.handle, email: u.email,
                       emailKey: toLower(u.email), platformRoles: u.platformRoles,
                       passwordHash: 'probe-hash', createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $organizations AS o
  CREATE (:Organization:Probe {id: o.id, name: o.name, kind: 'SME', country: 'IT', probe: $probe})
}
CALL () {
  UNWIND $organizationMembers AS m
  MATCH (u:User {id: m.user}), (o:Organization {id: m.organization})
  CREATE (u)-[:MEMBER_OF {role: m.role, since: date('2020-01-01')}]->(o)
}
CALL () {
  UNWIND $communities AS c
  CREATE (:Community:Probe {id: c.id, name: c.name, description: c.name, kind: 'INTEREST',
                            access: c.access, createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $parents AS pair
  MATCH (child:Community {id: pair.child}), (parent:Community {id: pair.parent})
  CREATE (child)-[:PART_OF]->(parent)
}
CALL () {
  UNWIND $memberships AS m
  MATCH (u:User {id: m.user}), (c:Community {id: m.community})
  CREATE (u)-[:MEMBER_OF {role: m.role, status: m.status, since: date('2024-01-01')}]->(c)
}
CALL () {
  UNWIND $discussions AS d
  MATCH (c:Community {id: d.community}), (u:User {id: d.author})
  CREATE (u)-[:AUTHORED]->(x:Discussion:Probe {id: d.id, title: d.title, body: d.title,
          createdAt: datetime(), locked: false, lastActivityAt: datetime(), probe: $probe})
         -[:IN]->(c)
  CREATE (u)-[:AUTHORED]->(:Comment:Probe {id: d.comment, body: d.title, createdAt: datetime(),
                                          probe: $probe})-[:ON]->(x)
}
CALL () {
  UNWIND $proposals AS p
  CREATE (n:Proposal:Probe {id: p.id, title: p.title, summary: p.title, description: p.title,
          kind: 'COLLABORATION', origin: 'TERRITORY', status: p.status, collaborationTypes: [],
          country: 'IT', closesOn: date('9999-12-31'), createdAt: datetime(), probe: $probe})
  WITH n, p
  MATCH (u:User {id: p.proposer}), (o:Organization {id: p.organization})
  CREATE (u)-[:PROPOSED]->(n), (o)-[:PROPOSED]->(n)
}
CALL () {
  UNWIND $interests AS i
  MATCH (u:User {id: i.author}), (p:Proposal {id: i.proposal})
  CREATE (u)-[:EXPRESSED]->(:ExpressionOfInterest:Probe {id: i.id, contribution: 'probe',
          status: 'SUBMITTED', createdAt: datetime(), probe: $probe})-[:FOR]->(p)
}
CALL () {
  UNWIND $projects AS p
  MATCH (partner:Organization {id: p.partner})
  CREATE (x:Project:Probe {id: p.id, title: p.title, status: 'ACTIVE', startDate: date('2024-01-01'),
                           endDate: date('2026-01-01'), currency: 'EUR', probe: $probe})
  CREATE (partner)-[:PARTNER_IN {role: 'COORDINATOR', budget: 1000}]->(x)
  CREATE (:BudgetLine:Probe {id: p.budgetLine, category: 'TRAVEL', planned: 500, spent: 100,
                             probe: $probe})-[:OF]->(x)
  WITH p, x
  UNWIND p.people AS w
  MATCH (u:User {id: w.user})
  CREATE (u)-[:WORKS_ON {role: w.role}]->(x)
}
CALL () {
  UNWIND $news AS n
  MATCH (u:User {id: n.author})
  CREATE (u)-[:AUTHORED]->(:News:Probe {id: n.id, title: n.title, summary: n.title, body: n.title,
                                       publishedAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $documents AS d
  CALL (d) {
    MATCH (s:Project {id: d.subject}) RETURN s AS subject
    UNION
    MATCH (s:Community {id: d.subject}) RETURN s AS subject
  }
  CREATE (:Document:Probe {id: d.id, title: d.title, fileName: 'probe.pdf',
                           mimeType: 'application/pdf', size: 1, sha256: 'probe', version: 1,
                           createdAt: datetime(), probe: $probe})-[:ATTACHED_TO]->(subject)
}
