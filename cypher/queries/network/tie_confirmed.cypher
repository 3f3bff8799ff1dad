// Whether relationship `n` (a PARTNER_IN or WORKS_ON) ties its actor to the project for the
// network queries: a candidate partner, not yet confirmed, is not a collaborator yet.
NOT coalesce(n.candidate, false)
