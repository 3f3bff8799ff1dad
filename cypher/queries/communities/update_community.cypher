// Changes community $communityId: each of $name, $description, $kind, $access that is not null,
// and its S3 areas when $areas is not null (replaced by those). Its managers (`manages`) and
// platform admins (`administers`) may; the community must be one the viewer may act on
// (`known`). Outcomes: DONE, NOT_FOUND, FORBIDDEN, UNKNOWN_S3_AREA. Placeholders on
// `community` and `viewer`. Event: COMMUNITY_UPDATED (the names of the fields set, its name and
// access; its S3 areas as its filter), visible as the community is.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (community:Community {id: $communityId})
WITH viewer, community, CASE
  WHEN community IS NULL OR NOT {{known}} THEN 'NOT_FOUND'
  WHEN NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN any(areaId IN coalesce($areas, []) WHERE NOT EXISTS { (:S3Area {id: areaId}) })
    THEN 'UNKNOWN_S3_AREA'
  ELSE 'DONE' END AS outcome
CALL (community, outcome) {
  WITH community, outcome
  WHERE outcome = 'DONE'
  SET community.name = coalesce($name, community.name),
      community.description = coalesce($description, community.description),
      community.kind = coalesce($kind, community.kind),
      community.access = coalesce($access, community.access)
  WITH community
  WHERE $areas IS NOT NULL
  CALL (community) {
    MATCH (community)-[old:FOCUSES_ON]->(area:S3Area)
    WHERE NOT area.id IN $areas
    DELETE old
  }
  UNWIND $areas AS areaId
  MATCH (area:S3Area {id: areaId})
  MERGE (community)-[:FOCUSES_ON]->(area)
}
RETURN outcome,
  [{type: 'COMMUNITY_UPDATED', subjectType: 'Community', subjectId: $communityId,
    communityId: $communityId,
    s3Areas: [(community)-[:FOCUSES_ON]->(area:S3Area) | area.id],
    payload: {
      fields: [field IN ['name', 'description', 'kind', 'access', 's3Areas']
               WHERE {name: $name, description: $description, kind: $kind, access: $access,
                      s3Areas: $areas}[field] IS NOT NULL],
      name: community.name, access: community.access}}] AS events
