// Fields of a webhook as its owner reads them: never its secret (shown once, when made or
// renewed), nor the lease of the process delivering it.
.id, .url, .eventTypes, .s3Areas, .competences, .communityId, .projectId, .enabled, .cursor,
.failures, .nextAttemptAt, .disabledAt, .createdAt
