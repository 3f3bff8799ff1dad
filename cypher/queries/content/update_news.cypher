// Its author changes news item $newsId: $title, $summary and $body, each when not null, and its
// S3 areas when $areas is not null (replaced by those; nobody is notified again). Outcomes:
// DONE, NOT_FOUND, FORBIDDEN, UNKNOWN_S3_AREA. `visible` is the news' rule, on `news`. Event:
// NEWS_UPDATED (the names of the fields set, its title; its S3 areas as its filter).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (news:News {id: $newsId})
WITH viewer, news, CASE
  WHEN news IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT EXISTS { (viewer)-[:AUTHORED]->(news) } THEN 'FORBIDDEN'
  WHEN any(areaId IN coalesce($areas, []) WHERE NOT EXISTS { (:S3Area {id: areaId}) })
    THEN 'UNKNOWN_S3_AREA'
  ELSE 'DONE' END AS outcome
CALL (news, outcome) {
  WITH news, outcome
  WHERE outcome = 'DONE'
  SET news.title = coalesce($title, news.title),
      news.summary = coalesce($summary, news.summary),
      news.body = coalesce($body, news.body)
  WITH news
  WHERE $areas IS NOT NULL
  CALL (news) {
    MATCH (news)-[old:TAGGED]->(area:S3Area)
    WHERE NOT area.id IN $areas
    DELETE old
  }
  UNWIND $areas AS areaId
  MATCH (area:S3Area {id: areaId})
  MERGE (news)-[:TAGGED]->(area)
}
RETURN outcome,
  [{type: 'NEWS_UPDATED', subjectType: 'News', subjectId: $newsId,
    s3Areas: [(news)-[:TAGGED]->(area:S3Area) | area.id],
    payload: {
      fields: [field IN ['title', 'summary', 'body', 's3Areas']
               WHERE {title: $title, summary: $summary, body: $body, s3Areas: $areas}[field]
                     IS NOT NULL],
      title: news.title}}] AS events
