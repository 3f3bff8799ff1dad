// Filter of a project's activities. Dates are inclusive bounds: an activity passes the range
// when it starts on or after `startsAfter` and ends on or before `endsBefore`.
($statuses IS NULL OR n.status IN $statuses)
AND ($startsAfter IS NULL OR n.startDate >= $startsAfter)
AND ($endsBefore IS NULL OR n.endDate <= $endsBefore)
AND ($assigneeUser IS NULL OR EXISTS { (n)-[:ASSIGNED_TO]->(:User {id: $assigneeUser}) })
AND ($assigneeOrganization IS NULL
     OR EXISTS { (n)-[:ASSIGNED_TO]->(:Organization {id: $assigneeOrganization}) })
