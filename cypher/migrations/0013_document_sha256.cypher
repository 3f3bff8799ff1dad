// Before removing a file's bytes, the API asks whether any document version still holds them.
CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256);
