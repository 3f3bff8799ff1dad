// Upsert sub-communities: each is part of a thematic community.
UNWIND $rows AS row
MATCH (c:Community {id: row.community})
MATCH (parent:Community {id: row.parent})
MERGE (c)-[:PART_OF]->(parent)
RETURN count(*) AS written
