// Upsert organizations by id.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.name, o.kind = row.kind, o.legalForm = row.legalForm,
    o.vatNumber = row.vatNumber, o.city = row.city, o.province = row.province,
    o.country = row.country, o.website = row.website, o.description = row.description,
    o.foundedYear = row.foundedYear
RETURN count(*) AS written
