// A test graph of projects, their partners, people, work plan, budget and documents, and the
// communities, discussions and proposals documents may be attached to. Every node is marked
// with `probe` so that delete_probe removes it; rows name their ends by id. S3 areas are the
// seeded ones.
CALL () {
  UNWIND $organizations AS row
  CREATE (:Organization:Probe {id: row.id, name: row.name, kind: 'SME', country: 'IT',
                         province: row.province, probe: $probe})
}
CALL () {
  UNWIND $users AS row
  CREATE (:User:Probe {id: row.id, handle: row.handle, displayName: row.displayName,
                 createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $memberships AS row
  MATCH (u:User {id: row.user}), (o:Organization {id: row.organization})
  CREATE (u)-[:MEMBER_OF {role: 'MEMBER', since: date()}]->(o)
}
CALL () {
  UNWIND $communities AS row
  CREATE (:Community:Probe {id: row.id, name: row.name, kind: 'INTEREST', access: row.access,
                      createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $discussions AS row
  MATCH (c:Community {id: row.community})
  CREATE (:Discussion:Probe {id: row.id, title: row.title, body: '', locked: false,
                       createdAt: datetime(), lastActivityAt: datetime(), probe: $probe})
         -[:IN]->(c)
}
CALL () {
  UNWIND $proposals AS row
  CREATE (:Proposal:Probe {id: row.id, title: row.title, status: row.status, origin: 'TERRITORY', kind: 'COLLABORATION',
                     closesOn: date('9999-12-31'), createdAt: datetime(), probe: $probe})
}
CALL () {
  UNWIND $projects AS row
  CREATE (p:Project:Probe {id: row.id, title: row.title, acronym: row.acronym, status: row.status,
                     startDate: row.startDate, endDate: row.endDate,
                     fundingProgramme: row.fundingProgramme, totalBudget: row.totalBudget,
                     currency: row.currency, probe: $probe})
  WITH p, row
  CALL (p, row) {
    UNWIND row.areas AS area
    MATCH (a:S3Area {id: area})
    CREATE (p)-[:TAGGED]->(a)
  }
  CALL (p, row) {
    MATCH (proposal:Proposal {id: row.proposal})
    CREATE (p)-[:ORIGINATED_FROM]->(proposal)
  }
}
CALL () {
  UNWIND $partners AS row
  MATCH (o:Organization {id: row.organization}), (p:Project {id: row.project})
  CREATE (o)-[:PARTNER_IN {role: row.role, budget: row.budget}]->(p)
}
CALL () {
  UNWIND $workers AS row
  MATCH (u:User {id: row.user}), (p:Project {id: row.project})
  CREATE (u)-[:WORKS_ON {role: row.role}]->(p)
}
CALL () {
  UNWIND $follows AS row
  MATCH (u:User {id: row.user}), (p:Project {id: row.project})
  CREATE (u)-[:FOLLOWS {since: datetime()}]->(p)
}
CALL () {
  UNWIND $activities AS row
  MATCH (p:Project {id: row.project})
  CREATE (:Activity:Probe {id: row.id, title: row.title, startDate: row.startDate,
                     endDate: row.endDate, status: row.status, progress: row.progress,
                     probe: $probe})-[:PART_OF]->(p)
}
CALL () {
  UNWIND $dependencies AS row
  MATCH (a:Activity {id: row.activity}), (b:Activity {id: row.dependsOn})
  CREATE (a)-[:DEPENDS_ON]->(b)
}
CALL () {
  UNWIND $assignments AS row
  MATCH (a:Activity {id: row.activity})
  CALL (a, row) {
    MATCH (u:User {id: row.assignee})
    CREATE (a)-[:ASSIGNED_TO]->(u)
  }
  CALL (a, row) {
    MATCH (o:Organization {id: row.assignee})
    CREATE (a)-[:ASSIGNED_TO]->(o)
  }
}
CALL () {
  UNWIND $milestones AS row
  MATCH (p:Project {id: row.project})
  CREATE (:Milestone:Probe {id: row.id, title: row.title, dueDate: row.dueDate,
                      reachedAt: row.reachedAt, probe: $probe})-[:PART_OF]->(p)
}
CALL () {
  UNWIND $results AS row
  MATCH (p:Project {id: row.project})
  CREATE (:Result:Probe {id: row.id, title: row.title, kind: row.kind, date: row.date,
                   description: row.description, probe: $probe})-[:RESULT_OF]->(p)
}
CALL () {
  UNWIND $budgetLines AS row
  MATCH (p:Project {id: row.project}), (o:Organization {id: row.partner})
  CREATE (o)<-[:FOR]-(:BudgetLine:Probe {id: row.id, category: row.category, planned: row.planned,
                                   spent: row.spent, probe: $probe})-[:OF]->(p)
}
CALL () {
  UNWIND $documents AS row
  CREATE (:Document:Probe {id: row.id, title: row.title, fileName: row.fileName,
                     mimeType: row.mimeType, size: row.size, sha256: row.sha256,
                     version: row.version, createdAt: row.createdAt, probe: $probe})
}
CALL () {
  UNWIND $documents AS row
  MATCH (d:Document {id: row.id})
  CALL (d, row) {
    MATCH (u:User {id: row.uploader})
    CREATE (u)-[:UPLOADED]->(d)
  }
  CALL (d, row) {
    MATCH (previous:Document {id: row.previous})
    CREATE (d)-[:PREVIOUS_VERSION]->(previous)
  }
  CALL (d, row) {
    MATCH (subject {id: row.subject})
    WHERE subject:Project OR subject:Community OR subject:Discussion OR subject:Proposal
    CREATE (d)-[:ATTACHED_TO]->(subject)
  }
}
