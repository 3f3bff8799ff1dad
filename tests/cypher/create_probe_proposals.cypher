// A probe graph of opportunities, every node marked with `probe` so the test can remove it:
// organizations with members, people, keywords, proposals (with what they seek, their areas,
// keywords, proposers, followers and comments), expressions of interest and notifications.
CALL () {
  UNWIND $organizations AS o
  CREATE (:Organization:Probe {id: o.id, name: o.name, kind: 'SME', country: 'IT', probe: $probe})
}
CALL () {
  UNWIND $users AS u
  CREATE (x:User:Probe {id: u.id, handle: u.handle, displayName: u.displayName, createdAt: datetime(),
                  probe: $probe})
  WITH x, u
  UNWIND u.organizations AS organization
  MATCH (o:Organization {id: organization})
  CREATE (x)-[:MEMBER_OF {role: 'MEMBER', since: date()}]->(o)
}
CALL () {
  UNWIND $keywords AS k
  CREATE (:Keyword:Probe {id: k.id, scheme: k.scheme, code: k.code, label: k.label, probe: $probe})
}
CALL () {
  UNWIND $proposals AS p
  CREATE (n:Proposal:Probe {id: p.id, title: p.title, summary: p.summary, kind: p.kind,
                      origin: p.origin, status: p.status, collaborationTypes: p.collaborationTypes,
                      developmentStage: p.developmentStage, ipr: p.ipr, deadline: p.deadline,
                      closesOn: coalesce(p.deadline, date('9999-12-31')),
                      externalRef: p.externalRef, country: p.country,
                      createdAt: p.createdAt, probe: $probe})
  WITH n, p
  CALL (n, p) {
    UNWIND p.seeks AS competence
    MATCH (c:Competence {id: competence})
    CREATE (n)-[:SEEKS]->(c)
  }
  CALL (n, p) {
    UNWIND p.areas AS area
    MATCH (a:S3Area {id: area})
    CREATE (n)-[:TAGGED]->(a)
  }
  CALL (n, p) {
    UNWIND p.keywords AS keyword
    MATCH (k:Keyword {id: keyword})
    CREATE (n)-[:HAS_KEYWORD]->(k)
  }
  CALL (n, p) {
    UNWIND p.proposers AS proposer
    CALL (proposer) {
      MATCH (x:User {id: proposer}) RETURN x
      UNION MATCH (x:Organization {id: proposer}) RETURN x
    }
    CREATE (x)-[:PROPOSED]->(n)
  }
  CALL (n, p) {
    UNWIND p.followers AS follower
    MATCH (u:User {id: follower})
    CREATE (u)-[:FOLLOWS {since: datetime()}]->(n)
  }
  CALL (n, p) {
    UNWIND range(1, p.comments) AS number
    CREATE (:Comment:Probe {id: randomUUID(), body: 'probe', createdAt: datetime(), probe: $probe})
           -[:ON]->(n)
  }
}
CALL () {
  UNWIND $interests AS i
  MATCH (u:User {id: i.author}), (p:Proposal {id: i.proposal})
  CREATE (u)-[:EXPRESSED]->(e:ExpressionOfInterest:Probe {id: i.id, contribution: i.contribution,
          message: i.message, status: i.status, createdAt: i.createdAt, probe: $probe})-[:FOR]->(p)
  WITH e, i
  UNWIND i.onBehalfOf AS organization
  MATCH (o:Organization {id: organization})
  CREATE (e)-[:ON_BEHALF_OF]->(o)
}
CALL () {
  UNWIND $things AS t
  CREATE (:ProbeThing:Probe {id: t, probe: $probe})
}
CALL () {
  UNWIND $notifications AS x
  MATCH (u:User {id: x.recipient})
  CREATE (n:Notification:Probe {id: x.id, kind: x.kind, createdAt: x.createdAt, readAt: x.readAt,
                          probe: $probe})-[:FOR]->(u)
  WITH n, x
  CALL (x) {
    MATCH (s:Proposal {id: x.subject}) RETURN s
    UNION MATCH (s:ExpressionOfInterest {id: x.subject}) RETURN s
    UNION MATCH (s:Organization {id: x.subject}) RETURN s
    UNION MATCH (s:User {id: x.subject}) RETURN s
    UNION MATCH (s:Competence {id: x.subject}) RETURN s
    UNION MATCH (s:ProbeThing {id: x.subject}) RETURN s
  }
  CREATE (n)-[:ABOUT]->(s)
}
