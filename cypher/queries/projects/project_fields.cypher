// Fields of a project, with the counts its page shows (figures of the whole project).
.id, .title, .acronym, .summary, .status, .startDate, .endDate, .fundingProgramme,
.totalBudget, .currency,
partnerCount: COUNT { (n)<-[:PARTNER_IN]-() },
activityCount: COUNT { (n)<-[:PART_OF]-(:Activity) },
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
resultCount: COUNT { (n)<-[:RESULT_OF]-() }
