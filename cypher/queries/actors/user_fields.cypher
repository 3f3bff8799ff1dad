// Fields of a person; the count of unread notifications only for the viewer themselves.
.id, .handle, .displayName, .headline, .bio, .locale, .province, .createdAt,
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
unreadNotificationCount: CASE WHEN n.id = $viewerId
  THEN COUNT { (n)<-[:FOR]-(notification:Notification) WHERE notification.readAt IS NULL } END
