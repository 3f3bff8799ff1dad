// Whether the step from `x` to `y` over relationship `r` is a tie the network queries follow,
// of one of the kinds `$ties` (schema/network/ties.py), that the viewer may see: a person
// working on a project, an organization confirmed as a project's partner, a member of an
// organization, an ACTIVE member of a community whose member list the viewer may see. A
// cancelled project ties nobody. Every walk starts from a person or an organization, so a
// project or community on it is first reached as the `y` of a step: checking `y` checks them.
(
  (r:WORKS_ON AND 'WORKS_ON' IN $ties)
  OR (r:PARTNER_IN AND 'PARTNER_IN' IN $ties AND {{rule network/tie_confirmed(r)}})
  OR (r:MEMBER_OF AND 'MEMBER_OF_ORGANIZATION' IN $ties
      AND (x:Organization OR y:Organization))
  OR (r:MEMBER_OF AND 'MEMBER_OF_COMMUNITY' IN $ties AND r.status = 'ACTIVE'
      AND (x:Community OR y:Community))
)
AND (NOT y:Project OR {{rule network/project_counts(y)}})
AND (NOT y:Community OR {{rule communities/community_content_visible(y)}})
