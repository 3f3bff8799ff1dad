// Upsert the organization a news item was published on behalf of.
UNWIND $rows AS row
MATCH (n:News {id: row.news})
MATCH (o:Organization {id: row.organization})
MERGE (n)-[:ON_BEHALF_OF]->(o)
RETURN count(*) AS written
