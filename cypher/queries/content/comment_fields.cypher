// Fields of a comment; `subject` names what it is ON by its labels and id, so the API resolves
// it through the node registry (whose reads apply the subject's own visibility). A deleted
// comment keeps its place in its thread but shows no body.
.id, .createdAt, .deletedAt,
body: CASE WHEN n.deletedAt IS NULL THEN n.body ELSE '' END,
replyCount: COUNT { (n)<-[:REPLY_TO]-() },
subject: [(n)-[:ON]->(subject) | {labels: labels(subject), id: subject.id}][0]
