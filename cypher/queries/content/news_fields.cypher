// Fields of a news item; commentCount counts replies too.
.id, .title, .summary, .body, .publishedAt,
commentCount: COUNT { (n)<-[:ON]-() }
