// The viewer publishes the news item $newsId ($title, $summary, $body) tagged with the S3 areas
// $areas, on behalf of organization $organizationId when given (the viewer must be one of its
// members; `organization_visible` is its visibility rule, on `organization`). The people
// interested in any of its areas, the author aside, each get one NEWS_PUBLISHED notification,
// created with the news in this statement (set-based). Outcomes: DONE, NOT_FOUND, FORBIDDEN,
// UNKNOWN_S3_AREA. Created once: a retry after a commit creates nothing twice. Events, when
// the news is new: NEWS_PUBLISHED (its title and organization; its S3 areas as its filter),
// visible as news are (to all); and NOTIFICATION_CREATED for each person notified.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (organization:Organization {id: $organizationId})
WITH viewer, organization, NOT EXISTS { (:News {id: $newsId}) } AS fresh, CASE
  WHEN $organizationId IS NOT NULL AND (organization IS NULL OR NOT {{organization_visible}})
    THEN 'NOT_FOUND'
  WHEN organization IS NOT NULL AND NOT EXISTS { (viewer)-[:MEMBER_OF]->(organization) }
    THEN 'FORBIDDEN'
  WHEN any(areaId IN $areas WHERE NOT EXISTS { (:S3Area {id: areaId}) }) THEN 'UNKNOWN_S3_AREA'
  ELSE 'DONE' END AS outcome
CALL (viewer, organization, outcome, fresh) {
  WITH viewer, organization, outcome, fresh
  WHERE outcome = 'DONE' AND fresh
  CREATE (viewer)-[:AUTHORED]->(news:News {id: $newsId, title: $title, summary: $summary,
                                           body: $body, publishedAt: datetime()})
  FOREACH (publisher IN CASE WHEN organization IS NULL THEN [] ELSE [organization] END |
    CREATE (news)-[:ON_BEHALF_OF]->(publisher))
  WITH viewer, news
  CALL (news) {
    UNWIND $areas AS areaId
    MATCH (area:S3Area {id: areaId})
    CREATE (news)-[:TAGGED]->(area)
  }
  CALL (viewer, news) {
    MATCH (news)-[:TAGGED]->(:S3Area)<-[:INTERESTED_IN]-(reader:User)
    WHERE reader <> viewer
    WITH DISTINCT reader
    // one id per reader, made here: the people are only known inside the statement
    CREATE (note:Notification {id: randomUUID(), kind: 'NEWS_PUBLISHED',
                               createdAt: news.publishedAt})-[:FOR]->(reader)
    CREATE (note)-[:ABOUT]->(news)
  }
}
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'NEWS_PUBLISHED', subjectType: 'News', subjectId: $newsId,
    s3Areas: $areas, payload: {title: $title, organizationId: $organizationId}}]
    + [(:News {id: $newsId})<-[:ABOUT]-(note:Notification)-[:FOR]->(reader:User) |
       {type: 'NOTIFICATION_CREATED', subjectType: 'Notification', subjectId: note.id,
        recipientId: reader.id, payload: {kind: 'NEWS_PUBLISHED', newsId: $newsId}}]
  ELSE [] END AS events
