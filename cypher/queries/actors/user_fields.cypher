// Fields of a person; the count of unread notifications only for the viewer themselves, the
// email address only for the person and platform admins. Never the password hash.
.id, .handle, .displayName, .headline, .bio, .locale, .province, .createdAt,
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
unreadNotificationCount: CASE WHEN n.id = $viewerId
  THEN COUNT { (n)<-[:FOR]-(notification:Notification) WHERE notification.readAt IS NULL } END,
email: CASE
  WHEN $viewerId IS NULL THEN null
  WHEN n.id = $viewerId
    OR EXISTS { MATCH (viewer:User {id: $viewerId}) WHERE {{rule access/platform_admin(viewer)}} }
    THEN n.email
END
