// Whether the step from `x` to `y` over relationship `r` is a tie of the kind
// MEMBER_OF_ORGANIZATION (schema/network/ties.py): a person belonging to an organization.
// It reaches only people and organizations (a MEMBER_OF always starts from a person), so it
// checks no project or community.
r:MEMBER_OF AND (x:Organization OR y:Organization)
