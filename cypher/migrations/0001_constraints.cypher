// Uniqueness of every node's id, and of the keys people and seeds look things up by.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_handle IF NOT EXISTS FOR (n:User) REQUIRE n.handle IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT competence_id IF NOT EXISTS FOR (n:Competence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT s3_area_id IF NOT EXISTS FOR (n:S3Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT s3_area_code IF NOT EXISTS FOR (n:S3Area) REQUIRE n.code IS UNIQUE;
