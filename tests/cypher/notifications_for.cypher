// A person's notifications (all, or the unread ones), with their creation times.
MATCH (:User {id: $user})<-[:FOR]-(n:Notification)
WHERE NOT $unreadOnly OR n.readAt IS NULL
RETURN n.id AS id, n.createdAt AS createdAt
