// Filter of a project's milestones, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given. Reached (a reachedAt is set) or not
// (`$reached` false is a condition too), and inclusive bounds of the due date.
$reached = (n.reachedAt IS NOT NULL)

n.dueDate >= $dueAfter

n.dueDate <= $dueBefore
