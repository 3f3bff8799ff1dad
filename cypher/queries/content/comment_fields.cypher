// Fields of a comment; `subject` names what it is ON by its labels and id, so the API resolves
// it through the node registry (whose reads apply the subject's own visibility).
.id, .body, .createdAt,
replyCount: COUNT { (n)<-[:REPLY_TO]-() },
subject: [(n)-[:ON]->(subject) | {labels: labels(subject), id: subject.id}][0]
