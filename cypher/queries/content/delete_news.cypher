// Deletes news item $newsId with its comments and the notifications about either: its author
// and facilitators (`facilitates`, platform admins included) may. `visible` is the news' rule,
// on `news`. Outcomes: DONE, NOT_FOUND, FORBIDDEN. Event: NEWS_DELETED (its title), visible as
// its author is (to all, as news are): the news itself is gone.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (news:News {id: $newsId})
OPTIONAL MATCH (author:User)-[:AUTHORED]->(news)
WITH viewer, news, author.id AS authorId, news.title AS title, CASE
  WHEN news IS NULL OR NOT {{visible}} THEN 'NOT_FOUND'
  WHEN NOT (EXISTS { (viewer)-[:AUTHORED]->(news) } OR {{facilitates}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (news, outcome) {
  WITH news, outcome
  WHERE outcome = 'DONE'
  OPTIONAL MATCH (comment:Comment)-[:ON]->(news)
  WITH news, collect(comment) AS comments
  CALL (news, comments) {
    UNWIND [news] + comments AS gone
    MATCH (note:Notification)-[:ABOUT]->(gone)
    DETACH DELETE note
  }
  FOREACH (comment IN comments | DETACH DELETE comment)
  DETACH DELETE news
}
RETURN outcome,
  [{type: 'NEWS_DELETED', subjectType: 'News', subjectId: $newsId, scopeType: 'User',
    scopeId: authorId, payload: {title: title}}] AS events
