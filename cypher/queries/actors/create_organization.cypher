// The viewer creates the organization $organizationId with $properties and the competences
// $competences ([{competence: node id, distinctive}]), and becomes its admin. Refused as
// TAKEN when another organization has the VAT number $vatNumber, and with the indexes of the
// competence ids that name nothing (unknown); a refused call writes nothing. A retried
// transaction finds its own organization by id and changes nothing more. No placeholders.
// Event: ORGANIZATION_CREATED (its name and kind, its competences as its filter), when the
// organization is new.
MATCH (viewer:User {id: $viewerId})
WITH viewer, NOT EXISTS { (:Organization {id: $organizationId}) } AS fresh
OPTIONAL MATCH (holder:Organization {vatNumber: $vatNumber})
  WHERE holder.id <> $organizationId
WITH viewer, fresh, holder IS NOT NULL AS taken,
     [index IN range(0, size($competences) - 1)
      WHERE NOT EXISTS { MATCH (:Competence {id: $competences[index].competence}) }] AS unknown
CALL (viewer, taken, unknown) {
  WITH viewer WHERE NOT taken AND unknown = []
  MERGE (organization:Organization {id: $organizationId})
    ON CREATE SET organization += $properties
  MERGE (viewer)-[membership:MEMBER_OF]->(organization)
    ON CREATE SET membership.role = 'ADMIN', membership.since = date()
  WITH organization
  UNWIND $competences AS held
  MATCH (competence:Competence {id: held.competence})
  MERGE (organization)-[holding:HAS_COMPETENCE]->(competence)
  SET holding.distinctive = held.distinctive
}
RETURN CASE WHEN taken THEN 'TAKEN' WHEN unknown <> [] THEN 'UNKNOWN' ELSE 'DONE' END
  AS outcome, unknown,
  CASE WHEN fresh THEN [{type: 'ORGANIZATION_CREATED', subjectType: 'Organization',
    subjectId: $organizationId, competences: [held IN $competences | held.competence],
    payload: {name: $properties.name, kind: $properties.kind}}] ELSE [] END AS events
