// Upsert S3 areas by id.
UNWIND $rows AS row
MERGE (a:S3Area {id: row.id})
SET a.code = row.code, a.nameIt = row.nameIt, a.nameEn = row.nameEn, a.period = row.period
RETURN count(*) AS written
