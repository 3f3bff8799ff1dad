// Upsert communities by id.
UNWIND $rows AS row
MERGE (c:Community {id: row.id})
SET c.name = row.name, c.description = row.description, c.kind = row.kind,
    c.access = row.access, c.createdAt = datetime(row.createdAt)
RETURN count(*) AS written
