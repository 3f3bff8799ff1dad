// Single-property range indexes for the time filters of the top-level lists: a composite index
// (its property, id) serves the ordering but not a range on its first property alone, so a
// filter such as "published after" scanned every node of the label.
CREATE INDEX discussion_created_at_range IF NOT EXISTS FOR (n:Discussion) ON (n.createdAt);
CREATE INDEX news_published_at_range IF NOT EXISTS FOR (n:News) ON (n.publishedAt);
CREATE INDEX project_start_date_range IF NOT EXISTS FOR (n:Project) ON (n.startDate);
