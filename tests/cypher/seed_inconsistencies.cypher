// Ground truth on loaded seed data, for the given projects and discussions: budgets that do not
// add up, discussions whose latest activity is not their latest comment, replies on another
// subject than the comment they answer, activity dependencies across projects.
CALL () {
  UNWIND $projects AS projectId
  MATCH (p:Project {id: projectId})
  CALL (p) {
    OPTIONAL MATCH (:Organization)-[r:PARTNER_IN]->(p)
    RETURN sum(r.budget) AS partnerTotal
  }
  CALL (p) {
    MATCH (o:Organization)-[r:PARTNER_IN]->(p)
    OPTIONAL MATCH (o)<-[:FOR]-(b:BudgetLine)-[:OF]->(p)
    WITH r, sum(b.planned) AS planned
    RETURN count(CASE WHEN r.budget <> planned THEN 1 END) AS partnerMismatches
  }
  RETURN count(p) AS projects,
    count(CASE WHEN p.totalBudget <> partnerTotal OR partnerMismatches > 0 THEN 1 END)
      AS budgetMismatches,
    count(CASE WHEN EXISTS {
      MATCH (p)<-[:PART_OF]-(:Activity)-[:DEPENDS_ON]->(other:Activity)
      WHERE NOT (other)-[:PART_OF]->(p)
    } THEN 1 END) AS crossProjectDependencies
}
CALL () {
  UNWIND $discussions AS discussionId
  MATCH (d:Discussion {id: discussionId})
  CALL (d) {
    OPTIONAL MATCH (c:Comment)-[:ON]->(d)
    RETURN max(c.createdAt) AS latest
  }
  RETURN count(d) AS discussions,
    count(CASE WHEN d.lastActivityAt <> coalesce(latest, d.createdAt) THEN 1 END)
      AS staleDiscussions,
    count(CASE WHEN EXISTS {
      MATCH (d)<-[:ON]-(:Comment)-[:REPLY_TO]->(parent:Comment)
      WHERE NOT (parent)-[:ON]->(d)
    } THEN 1 END) AS strayReplies
}
RETURN projects, discussions, budgetMismatches, staleDiscussions, strayReplies,
  crossProjectDependencies
