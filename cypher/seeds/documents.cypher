// Upsert documents by id (every version), with who uploaded them.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.fileName = row.fileName, d.mimeType = row.mimeType,
    d.size = row.size, d.sha256 = row.sha256, d.version = row.version,
    d.createdAt = datetime(row.createdAt)
WITH d, row
MATCH (u:User {id: row.uploader})
MERGE (u)-[:UPLOADED]->(d)
RETURN count(*) AS written
