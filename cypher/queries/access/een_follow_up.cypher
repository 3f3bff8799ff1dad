// Person `n` follows up the expressions of interest in EEN proposals: a facilitator (or a
// platform admin, access/moderator) who is a member of the organization holding the region's
// EEN contact point. Read when asked, so a contact point named later (or another one) follows
// up every interest from then on, those already expressed included.
{{rule access/moderator(n)}}
AND EXISTS { (n)-[:MEMBER_OF]->(:Organization)<-[:HELD_BY]-(:EenContactPoint) }
