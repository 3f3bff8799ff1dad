// Filter of a project's milestones: reached (a reachedAt is set) or not, and inclusive bounds
// of the due date.
($reached IS NULL OR $reached = (n.reachedAt IS NOT NULL))
AND ($dueAfter IS NULL OR n.dueDate >= $dueAfter)
AND ($dueBefore IS NULL OR n.dueDate <= $dueBefore)
