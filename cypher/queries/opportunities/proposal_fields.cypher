// Fields of a proposal, with the figures its page shows: every expression of interest it
// received (each stays visible only to its author), its followers and its comments (replies
// included). The review note of a facilitator is read only by those who speak for the proposer
// and by facilitators (the rules access/viewer_proposes and access/viewer_is_facilitator, which
// a fields fragment cannot include).
.id, .title, .summary, .description, .kind, .origin, .status, .collaborationTypes,
.developmentStage, .ipr, .deadline, .externalRef, .country, .createdAt,
interestCount: COUNT { (n)<-[:FOR]-() },
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
commentCount: COUNT { (n)<-[:ON]-() },
reviewNote: CASE WHEN n.reviewNote IS NOT NULL AND $viewerId IS NOT NULL AND (
    EXISTS { (n)<-[:PROPOSED]-(:User {id: $viewerId}) }
    OR EXISTS { (n)<-[:PROPOSED]-(:Organization)<-[:MEMBER_OF {role: 'ADMIN'}]-(:User {id: $viewerId}) }
    OR EXISTS { MATCH (facilitator:User {id: $viewerId})
                WHERE any(role IN coalesce(facilitator.platformRoles, [])
                          WHERE role IN ['FACILITATOR', 'PLATFORM_ADMIN']) })
  THEN n.reviewNote END
