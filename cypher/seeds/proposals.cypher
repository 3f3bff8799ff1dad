// Upsert proposals by id (territorial ones and EEN profiles).
UNWIND $rows AS row
MERGE (p:Proposal {id: row.id})
SET p.title = row.title, p.summary = row.summary, p.description = row.description,
    p.kind = row.kind, p.origin = row.origin, p.status = row.status,
    p.collaborationTypes = row.collaborationTypes, p.developmentStage = row.developmentStage,
    p.ipr = row.ipr, p.deadline = date(row.deadline), p.externalRef = row.externalRef,
    p.country = row.country, p.createdAt = datetime(row.createdAt),
    p.closesOn = coalesce(date(row.deadline), date('9999-12-31'))
RETURN count(*) AS written
