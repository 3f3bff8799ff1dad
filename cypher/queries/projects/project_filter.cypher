// Filter of the projects connection. Dates are inclusive bounds; a province matches projects
// with at least one partner organization based there.
($statuses IS NULL OR n.status IN $statuses)
AND ($fundingProgramme IS NULL OR n.fundingProgramme = $fundingProgramme)
AND ($startedAfter IS NULL OR n.startDate >= $startedAfter)
AND ($endedBefore IS NULL OR n.endDate <= $endedBefore)
AND ($s3Area IS NULL OR EXISTS { (n)-[:TAGGED]->(:S3Area {id: $s3Area}) })
AND ($partner IS NULL OR EXISTS { (n)<-[:PARTNER_IN]-(:Organization {id: $partner}) })
AND ($province IS NULL OR EXISTS { (n)<-[:PARTNER_IN]-(:Organization {province: $province}) })
