// The viewer deletes the document $documentId (given by any of its versions) with all its
// versions. Its author (who uploaded the first version) may, and those who manage its subject
// (documents/viewer_manages_subject). `visible` (code) is the Document visibility rule on
// `given`. Outcomes: NOT_FOUND, FORBIDDEN, DONE; `hashes` lists the SHA-256 of the deleted
// versions, whose bytes may now be unreferenced. Deleting what is gone already is NOT_FOUND.
MATCH (viewer:User {id: $viewerId})
// Lock the subject the document is attached to first (a node that stays put), then read
// the document again: a version added or a deletion committed meanwhile, each of which locks
// the subject too, is seen as it now is.
OPTIONAL MATCH (:Document {id: $documentId})<-[:PREVIOUS_VERSION*0..]-(:Document)
               -[:ATTACHED_TO]->(held)
SET held._lock = true
REMOVE held._lock
WITH viewer
OPTIONAL MATCH (given:Document {id: $documentId})
OPTIONAL MATCH (given)<-[:PREVIOUS_VERSION*0..]-(current:Document)-[:ATTACHED_TO]->(subject)
OPTIONAL MATCH (current)-[:PREVIOUS_VERSION*0..]->(first:Document)
  WHERE NOT EXISTS { (first)-[:PREVIOUS_VERSION]->() }
WITH viewer, given, current, subject, first, CASE
  WHEN given IS NULL OR current IS NULL OR NOT ({{visible}}) THEN 'NOT_FOUND'
  WHEN NOT (EXISTS { (viewer)-[:UPLOADED]->(first) }
            OR {{rule documents/viewer_manages_subject(subject)}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
OPTIONAL CALL (current, outcome) {
  WITH current
  WHERE outcome = 'DONE'
  MATCH (current)-[:PREVIOUS_VERSION*0..]->(version:Document)
  WITH collect(version) AS versions
  WITH versions, [version IN versions | version.sha256] AS hashes
  FOREACH (version IN versions | DETACH DELETE version)
  RETURN hashes
}
RETURN outcome, coalesce(hashes, []) AS hashes
