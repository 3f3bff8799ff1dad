// Creates the community $communityId ($name, $description, $kind, $access) focusing on the S3
// areas $areas and, when $parentId is given, part of that community; the viewer becomes its
// active manager. A parent must be one the viewer may act on (`known`, on `parent`) and manage
// (`manages`, on `parent`) unless the viewer is a platform admin (`administers`). Outcomes:
// DONE, NOT_FOUND, FORBIDDEN, UNKNOWN_S3_AREA. Merged by id: a retry creates nothing twice.
// Event: COMMUNITY_CREATED (its name, kind, access and parent; its S3 areas as its filter),
// visible as the community is, when it is new.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (parent:Community {id: $parentId})
WITH viewer, parent, NOT EXISTS { (:Community {id: $communityId}) } AS fresh, CASE
  WHEN $parentId IS NOT NULL AND (parent IS NULL OR NOT {{known}}) THEN 'NOT_FOUND'
  WHEN parent IS NOT NULL AND NOT ({{manages}} OR {{administers}}) THEN 'FORBIDDEN'
  WHEN any(areaId IN $areas WHERE NOT EXISTS { (:S3Area {id: areaId}) }) THEN 'UNKNOWN_S3_AREA'
  ELSE 'DONE' END AS outcome
CALL (viewer, parent, outcome) {
  WITH viewer, parent, outcome
  WHERE outcome = 'DONE'
  MERGE (community:Community {id: $communityId})
    ON CREATE SET community.name = $name, community.description = $description,
      community.kind = $kind, community.access = $access, community.createdAt = datetime()
  MERGE (viewer)-[membership:MEMBER_OF]->(community)
    ON CREATE SET membership.role = 'MANAGER', membership.status = 'ACTIVE',
      membership.since = date()
  FOREACH (above IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END |
    MERGE (community)-[:PART_OF]->(above))
  WITH community
  UNWIND $areas AS areaId
  MATCH (area:S3Area {id: areaId})
  MERGE (community)-[:FOCUSES_ON]->(area)
}
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'COMMUNITY_CREATED', subjectType: 'Community',
    subjectId: $communityId, communityId: $communityId, s3Areas: $areas,
    payload: {name: $name, kind: $kind, access: $access, parentId: $parentId}}] ELSE [] END
  AS events
