// The organization $organizationId takes the properties in $changes (only those the input
// named; a null removes the property), if the viewer may see it (`visible`, the label's rule)
// and administer it (`administers`, on `organization`); refused as TAKEN when another
// organization has the VAT number $vatNumber (null when it does not change). `visible` and
// `administers` are filled by the code (schema/actors/organization_mutations.py). Event:
// ORGANIZATION_UPDATED (the names of the fields set, and its name).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (n:Organization {id: $organizationId})
  WHERE {{visible}}
WITH viewer, n AS organization
OPTIONAL MATCH (holder:Organization {vatNumber: $vatNumber})
  WHERE holder <> organization
WITH organization, holder IS NOT NULL AS taken,
     organization IS NOT NULL AND {{administers}} AS allowed
CALL (organization, allowed, taken) {
  WITH organization WHERE allowed AND NOT taken
  SET organization += $changes
}
RETURN CASE WHEN organization IS NULL THEN 'NOT_FOUND' WHEN NOT allowed THEN 'FORBIDDEN'
            WHEN taken THEN 'TAKEN' ELSE 'DONE' END AS outcome,
  [{type: 'ORGANIZATION_UPDATED', subjectType: 'Organization', subjectId: $organizationId,
    payload: {fields: keys($changes), name: organization.name}}] AS events
