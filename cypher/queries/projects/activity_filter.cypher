// Filter of a project's activities, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given. Dates are inclusive bounds: an
// activity passes the range when it starts on or after `startsAfter` and ends on or before
// `endsBefore`.
n.status IN $statuses

n.startDate >= $startsAfter

n.endDate <= $endsBefore

MATCH (n)-[:ASSIGNED_TO]->(:User {id: $assigneeUser})

MATCH (n)-[:ASSIGNED_TO]->(:Organization {id: $assigneeOrganization})
