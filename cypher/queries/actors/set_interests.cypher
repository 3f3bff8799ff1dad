// The viewer's interests become exactly the S3 areas $areas and the competences $competences
// (node ids): interests no longer chosen are removed, new ones added, kept ones untouched.
// When an id names nothing, nothing changes and its index is answered (unknownAreas,
// unknownCompetences). No placeholders. Event: PROFILE_UPDATED (`interests`, the areas and
// competences chosen as its filters), unless an id named nothing.
MATCH (viewer:User {id: $viewerId})
WITH viewer,
     [index IN range(0, size($areas) - 1)
      WHERE NOT EXISTS { MATCH (:S3Area {id: $areas[index]}) }] AS unknownAreas,
     [index IN range(0, size($competences) - 1)
      WHERE NOT EXISTS { MATCH (:Competence {id: $competences[index]}) }] AS unknownCompetences
WITH viewer, unknownAreas, unknownCompetences,
     unknownAreas = [] AND unknownCompetences = [] AS valid
CALL (viewer, valid) {
  WITH viewer WHERE valid
  MATCH (viewer)-[old:INTERESTED_IN]->(target)
  WHERE NOT ((target:S3Area AND target.id IN $areas)
             OR (target:Competence AND target.id IN $competences))
  DELETE old
}
CALL (viewer, valid) {
  WITH viewer WHERE valid
  UNWIND $areas AS areaId
  MATCH (area:S3Area {id: areaId})
  MERGE (viewer)-[:INTERESTED_IN]->(area)
}
CALL (viewer, valid) {
  WITH viewer WHERE valid
  UNWIND $competences AS competenceId
  MATCH (competence:Competence {id: competenceId})
  MERGE (viewer)-[:INTERESTED_IN]->(competence)
}
RETURN 'DONE' AS outcome, unknownAreas, unknownCompetences,
  CASE WHEN valid THEN [{type: 'PROFILE_UPDATED', subjectType: 'User', subjectId: $viewerId,
    s3Areas: $areas, competences: $competences, payload: {fields: ['interests']}}]
  ELSE [] END AS events
