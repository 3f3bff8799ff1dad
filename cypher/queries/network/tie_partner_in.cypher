// Whether the step from `x` to `y` over relationship `r` is a tie of the kind PARTNER_IN
// (schema/network/ties.py): an organization confirmed as a partner of a project, never a
// cancelled one (checked on `y`, as in network/tie_works_on).
r:PARTNER_IN AND {{rule network/tie_confirmed(r)}}
AND (NOT y:Project OR {{rule network/project_counts(y)}})
