// Fields of a discussion; commentCount counts replies too (they are ON the discussion as well).
.id, .title, .body, .createdAt, .locked, .lastActivityAt,
commentCount: COUNT { (n)<-[:ON]-() }
