// Accounts: an email and a handle belong to one person whatever their case (`emailKey` and
// `handleKey` hold them lower-cased, and these constraints, not the writes, keep them unique);
// sessions are found by id, external identities by their issuer and subject.
CREATE CONSTRAINT user_email_key IF NOT EXISTS FOR (n:User) REQUIRE n.emailKey IS UNIQUE;
CREATE CONSTRAINT user_handle_key IF NOT EXISTS FOR (n:User) REQUIRE n.handleKey IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT external_identity_issuer_subject IF NOT EXISTS
  FOR (n:ExternalIdentity) REQUIRE (n.issuer, n.subject) IS UNIQUE;
// The handle keys of the people who existed before them (repeating this changes nothing).
MATCH (n:User) WHERE n.handleKey IS NULL AND n.handle IS NOT NULL
SET n.handleKey = toLower(n.handle);
