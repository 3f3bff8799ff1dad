// Fields of a proposal, with the figures its page shows: every expression of interest it
// received (each stays visible only to its author), its followers and its comments (replies
// included).
.id, .title, .summary, .description, .kind, .origin, .status, .collaborationTypes,
.developmentStage, .ipr, .deadline, .externalRef, .country, .createdAt,
interestCount: COUNT { (n)<-[:FOR]-() },
followerCount: COUNT { (n)<-[:FOLLOWS]-() },
commentCount: COUNT { (n)<-[:ON]-() }
