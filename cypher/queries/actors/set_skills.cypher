// The viewer's skills become exactly $skills ([{competence: node id, level}]): skills no
// longer chosen are removed, the others take the level given. When a competence id names
// nothing, nothing changes and its index is answered (unknown). No placeholders. Event:
// PROFILE_UPDATED (`skills`, their competences as its filter), unless an id named nothing.
MATCH (viewer:User {id: $viewerId})
WITH viewer,
     [index IN range(0, size($skills) - 1)
      WHERE NOT EXISTS { MATCH (:Competence {id: $skills[index].competence}) }] AS unknown
CALL (viewer, unknown) {
  WITH viewer WHERE unknown = []
  MATCH (viewer)-[old:HAS_SKILL]->(competence:Competence)
  WHERE NOT competence.id IN [skill IN $skills | skill.competence]
  DELETE old
}
CALL (viewer, unknown) {
  WITH viewer WHERE unknown = []
  UNWIND $skills AS skill
  MATCH (competence:Competence {id: skill.competence})
  MERGE (viewer)-[held:HAS_SKILL]->(competence)
  SET held.level = skill.level
}
RETURN 'DONE' AS outcome, unknown,
  CASE WHEN unknown = [] THEN [{type: 'PROFILE_UPDATED', subjectType: 'User',
    subjectId: $viewerId, competences: [skill IN $skills | skill.competence],
    payload: {fields: ['skills']}}] ELSE [] END AS events
