// Ground truth for content tests: the properties of a node by id, how many comments are on it,
// its notifications' kinds by recipient, and the latest comment time of a discussion.
MATCH (n {id: $id})
RETURN properties(n) AS node,
       COUNT { (n)<-[:ON]-(:Comment) } AS comments,
       [(n)<-[:ON]-(c:Comment) | c.createdAt] AS commentTimes,
       [(note:Notification)-[:ABOUT]->(n) | [(note)-[:FOR]->(u) | u.id][0]] AS notified
