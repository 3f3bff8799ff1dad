// The competences of the organization $organizationId become exactly $competences
// ([{competence: node id, distinctive}]), if the viewer may see it (`visible`) and administer
// it (`administers`, on `organization`): competences no longer chosen are removed, the others
// take the `distinctive` given. When a competence id names nothing, nothing changes and its
// index is answered (unknown). `visible` and `administers` are filled by the code
// (schema/actors/organization_mutations.py). Event: ORGANIZATION_UPDATED (`competences`, and
// its name; the competences chosen as its filter).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:Organization {id: $organizationId})
  WHERE {{visible}}
WITH viewer, n AS organization
WITH organization, organization IS NOT NULL AND {{administers}} AS allowed,
     [index IN range(0, size($competences) - 1)
      WHERE NOT EXISTS { MATCH (:Competence {id: $competences[index].competence}) }] AS unknown
CALL (organization, allowed, unknown) {
  WITH organization WHERE allowed AND unknown = []
  MATCH (organization)-[old:HAS_COMPETENCE]->(competence:Competence)
  WHERE NOT competence.id IN [held IN $competences | held.competence]
  DELETE old
}
CALL (organization, allowed, unknown) {
  WITH organization WHERE allowed AND unknown = []
  UNWIND $competences AS held
  MATCH (competence:Competence {id: held.competence})
  MERGE (organization)-[holding:HAS_COMPETENCE]->(competence)
  SET holding.distinctive = held.distinctive
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN NOT allowed THEN 'FORBIDDEN'
            WHEN unknown <> [] THEN 'UNKNOWN' ELSE 'DONE' END AS outcome, unknown,
  [{type: 'ORGANIZATION_UPDATED', subjectType: 'Organization', subjectId: $organizationId,
    competences: [held IN $competences | held.competence],
    payload: {fields: ['competences'], name: organization.name}}] AS events
