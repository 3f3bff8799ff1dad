// Range indexes behind the filters and orderings of communities, discussions, news and comments.
CREATE INDEX community_name IF NOT EXISTS FOR (n:Community) ON (n.name, n.id);
CREATE INDEX community_created_at IF NOT EXISTS FOR (n:Community) ON (n.createdAt, n.id);
CREATE INDEX community_access IF NOT EXISTS FOR (n:Community) ON (n.access);
CREATE INDEX community_kind IF NOT EXISTS FOR (n:Community) ON (n.kind);
CREATE INDEX discussion_last_activity_at IF NOT EXISTS FOR (n:Discussion) ON (n.lastActivityAt, n.id);
CREATE INDEX discussion_created_at IF NOT EXISTS FOR (n:Discussion) ON (n.createdAt, n.id);
CREATE INDEX discussion_title IF NOT EXISTS FOR (n:Discussion) ON (n.title, n.id);
CREATE INDEX news_published_at IF NOT EXISTS FOR (n:News) ON (n.publishedAt, n.id);
CREATE INDEX news_title IF NOT EXISTS FOR (n:News) ON (n.title, n.id);
CREATE INDEX comment_created_at IF NOT EXISTS FOR (n:Comment) ON (n.createdAt, n.id);
