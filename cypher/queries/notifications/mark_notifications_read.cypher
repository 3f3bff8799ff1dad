// Marks the viewer's notifications read: all of them when $all, else those with the ids $ids;
// a notification read before keeps the time it was read. Answers NOT_FOUND when one of $ids is
// not a notification for the viewer (and then marks none), else DONE with how many it marked.
// Event: NOTIFICATIONS_READ (how many, all or which ones), for the viewer only, when it marked
// any.
MATCH (viewer:User {id: $viewerId})
WITH viewer, COUNT { MATCH (viewer)<-[:FOR]-(notice:Notification) WHERE notice.id IN $ids }
  = size($ids) AS known
CALL (viewer, known) {
  WITH viewer
  WHERE $all OR known
  MATCH (viewer)<-[:FOR]-(notice:Notification)
  WHERE notice.readAt IS NULL AND ($all OR notice.id IN $ids)
  SET notice.readAt = datetime()
  RETURN count(notice) AS marked
}
RETURN CASE WHEN $all OR known THEN 'DONE' ELSE 'NOT_FOUND' END AS outcome, marked,
  CASE WHEN marked > 0 THEN [{type: 'NOTIFICATIONS_READ', subjectType: 'User',
    subjectId: $viewerId, recipientId: $viewerId,
    payload: {count: marked, all: $all, notificationIds: $ids}}] ELSE [] END AS events
