// Whether the step from `x` to `y` over relationship `r` is a tie of the kind WORKS_ON
// (schema/network/ties.py): a person working on a project, never a cancelled one. Every walk
// starts from a person or an organization, so a project on it is first reached as the `y`
// of a step: checking `y` checks it.
r:WORKS_ON AND (NOT y:Project OR {{rule network/project_counts(y)}})
