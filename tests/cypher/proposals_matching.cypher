// Every proposal a visitor may see that passes a filter, as docs/graph-model.md describes it
// (written independently of the API's statements), with what the orderings and counts need.
MATCH (n:Proposal)
WHERE n.status IN ['PUBLISHED', 'CLOSED']
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($origins IS NULL OR n.origin IN $origins)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND (NOT coalesce($openOnly, false)
       OR (n.status = 'PUBLISHED' AND (n.deadline IS NULL OR n.deadline >= date())))
  AND ($deadlineBefore IS NULL OR n.deadline < $deadlineBefore)
  AND ($deadlineAfter IS NULL OR n.deadline > $deadlineAfter)
  AND ($collaborationType IS NULL OR $collaborationType IN n.collaborationTypes)
  AND ($developmentStage IS NULL OR n.developmentStage = $developmentStage)
  AND ($country IS NULL OR n.country = $country)
  AND ($s3Area IS NULL OR EXISTS { (n)-[:TAGGED]->(:S3Area {id: $s3Area}) })
  AND ($competence IS NULL
       OR EXISTS { (n)-[:SEEKS]->(:Competence)-[:BROADER*0..]->(:Competence {id: $competence}) })
  AND ($keyword IS NULL OR EXISTS { (n)-[:HAS_KEYWORD]->(:Keyword {id: $keyword}) })
  AND ($proposingOrganization IS NULL
       OR EXISTS { (:Organization {id: $proposingOrganization})-[:PROPOSED]->(n) })
  AND ($proposer IS NULL OR EXISTS { (:User {id: $proposer})-[:PROPOSED]->(n) })
RETURN n.id AS id, n.title AS title, n.createdAt AS createdAt, n.deadline AS deadline,
       COUNT { (n)<-[:FOR]-(:ExpressionOfInterest) } AS interests,
       COUNT { (n)<-[:FOLLOWS]-(:User) } AS followers,
       COUNT { (n)<-[:ON]-(:Comment) } AS comments
