// Whether the step from `x` to `y` over relationship `r` is a tie of the kind
// MEMBER_OF_COMMUNITY (schema/network/ties.py): an ACTIVE member of a community whose member
// list the viewer may see. A community is first reached as the `y` of a step (every walk
// starts from a person or an organization): checking `y` checks it.
r:MEMBER_OF AND r.status = 'ACTIVE' AND (x:Community OR y:Community)
AND (NOT y:Community OR {{rule communities/community_content_visible(y)}})
