// Upsert the EEN keywords by id (technology, market and NACE codes, shared by proposals).
UNWIND $rows AS row
MERGE (k:Keyword {id: row.id})
SET k.scheme = row.scheme, k.code = row.code, k.label = row.label
RETURN count(*) AS written
