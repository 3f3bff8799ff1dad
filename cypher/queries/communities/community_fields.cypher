// Fields of a community and the figures its page shows (its member count is a tally of its
// own: communities/member_count); followers and discussions are counted whole, like every
// figure of a page (the discussions themselves follow community_content_visible).
// Sub-communities count as the subCommunities connection lists them: only those the viewer may
// see (community_visible).
.id, .name, .description, .kind, .access, .createdAt,
discussionCount: COUNT { (n)<-[:IN]-() },
subCommunityCount: COUNT {
  (n)<-[:PART_OF]-(sub:Community) WHERE {{rule communities/community_visible(sub)}}
},
followerCount: COUNT { (n)<-[:FOLLOWS]-() }
