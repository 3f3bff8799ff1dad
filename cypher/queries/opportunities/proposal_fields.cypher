// Fields of a proposal, with the figures its page shows: every expression of interest it
// received (each stays visible only to its author), its followers and its comments (replies
// included). The review note of a facilitator is read only by those who speak for the proposer
// and by facilitators.
.id, .title, .summary, .description, .kind, .origin, .status, .collaborationTypes,
.developmentStage, .ipr, .deadline, .externalRef, .country, .internationalDissemination,
.createdAt,
interestCount: COUNT { (n)<-[:FOR]-() },
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
commentCount: COUNT { (n)<-[:ON]-() },
reviewNote: CASE WHEN n.reviewNote IS NOT NULL AND $viewerId IS NOT NULL AND (
    {{rule access/viewer_proposes}} OR {{rule access/viewer_is_facilitator}})
  THEN n.reviewNote END
