// Upsert projects by id.
UNWIND $rows AS row
MERGE (p:Project {id: row.id})
SET p.title = row.title, p.acronym = row.acronym, p.summary = row.summary,
    p.status = row.status, p.startDate = date(row.startDate), p.endDate = date(row.endDate),
    p.fundingProgramme = row.fundingProgramme, p.totalBudget = row.totalBudget,
    p.currency = row.currency
RETURN count(*) AS written
