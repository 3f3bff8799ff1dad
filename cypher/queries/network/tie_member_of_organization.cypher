// Whether the step from `x` to `y` over relationship `r` is a tie of the kind
// MEMBER_OF_ORGANIZATION (schema/network/ties.py): a person belonging to an organization.
r:MEMBER_OF AND (x:Organization OR y:Organization)
