// Upsert projects by id.
UNWIND $rows AS row
MERGE (p:Project {id: row.id})
SET p.title = row.title, p.acronym = row.acronym, p.summary = row.summary,
    p.status = row.status, p.startDate = row.startDate, p.endDate = row.endDate,
    p.fundingProgramme = row.fundingProgramme, p.totalBudget = row.totalBudget,
    p.currency = row.currency
