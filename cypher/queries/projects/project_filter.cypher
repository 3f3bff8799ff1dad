// Filter of the projects connection, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given; a MATCH paragraph is a pattern the
// project must be part of. Dates are inclusive bounds; a province matches projects with at
// least one partner organization based there (the partner asked for or another one).
n.status IN $statuses

n.fundingProgramme = $fundingProgramme

n.startDate >= $startedAfter

n.endDate <= $endedBefore

MATCH (n)-[:TAGGED]->(:S3Area {id: $s3Area})

MATCH (n)<-[:PARTNER_IN]-(:Organization {id: $partner})

MATCH (n)<-[:PARTNER_IN]-(:Organization {province: $province})
