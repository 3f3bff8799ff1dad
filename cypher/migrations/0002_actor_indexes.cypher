// Range indexes behind the filters and orderings of the users and organizations connections.
CREATE INDEX user_display_name IF NOT EXISTS FOR (n:User) ON (n.displayName, n.id);
CREATE INDEX user_created_at IF NOT EXISTS FOR (n:User) ON (n.createdAt, n.id);
CREATE INDEX user_province IF NOT EXISTS FOR (n:User) ON (n.province);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name, n.id);
CREATE INDEX organization_founded_year IF NOT EXISTS FOR (n:Organization) ON (n.foundedYear, n.id);
CREATE INDEX organization_province IF NOT EXISTS FOR (n:Organization) ON (n.province);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX competence_name IF NOT EXISTS FOR (n:Competence) ON (n.name, n.id);
