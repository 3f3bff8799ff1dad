// Upsert the organization an expression of interest was made on behalf of.
UNWIND $rows AS row
MATCH (e:ExpressionOfInterest {id: row.interest})
MATCH (o:Organization {id: row.organization})
MERGE (e)-[:ON_BEHALF_OF]->(o)
RETURN count(*) AS written
