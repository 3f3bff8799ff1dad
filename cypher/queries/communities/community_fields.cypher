// Fields of a community and the figures its page shows (its member count is a tally of its
// own: communities/member_count); followers are public; every discussion of a community the
// viewer sees is visible too. Sub-communities
// count as the subCommunities connection lists them: only those the viewer may see (the same
// rule as community_visible).
.id, .name, .description, .kind, .access, .createdAt,
discussionCount: COUNT { (n)<-[:IN]-() },
subCommunityCount: COUNT { (n)<-[:PART_OF]-(sub:Community) WHERE sub.access = 'OPEN' },
followerCount: COUNT { (n)<-[:FOLLOWS]-() }
