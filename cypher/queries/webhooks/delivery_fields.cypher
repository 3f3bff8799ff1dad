// Fields of a webhook delivery: the event it carries and how its attempts went.
.id, .seq, .eventType, .status, .attempts, .lastStatusCode, .lastError, .lastAttemptAt,
.deliveredAt, .createdAt
