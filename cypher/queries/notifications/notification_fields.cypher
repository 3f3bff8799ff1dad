// Fields of a notification, and the id and labels of what it is about, which the API resolves
// to the registered type of that label (schema/node.py).
.id, .kind, .createdAt, .readAt,
subject: head([(n)-[:ABOUT]->(subject) | {id: subject.id, labels: labels(subject)}])
