// The viewer adds version $versionId to the document whose current version is $documentId:
// the new version takes the current one's place on its subject (ATTACHED_TO moves to it) and
// points to it (PREVIOUS_VERSION); it keeps the title unless $title is given. `visible` (code)
// is the Document visibility rule on `current`. Outcomes: NOT_FOUND (no such document for the
// viewer), NOT_CURRENT (an earlier version, which cannot be replaced), FORBIDDEN (may not
// attach to its subject), DONE. Two new versions offered at once follow each other (the
// second gets NOT_CURRENT) instead of forking. Event: DOCUMENT_VERSION_ADDED (on the new
// version: its number, title, file and the version it follows; in its project or community),
// visible as the document is, when the version is new.
MATCH (viewer:User {id: $viewerId})
// Lock the subject the document is attached to first (a node that stays put), then read
// the document again: a version added or a deletion committed meanwhile, each of which locks
// the subject too, is seen as it now is.
OPTIONAL MATCH (:Document {id: $documentId})<-[:PREVIOUS_VERSION*0..]-(:Document)
               -[:ATTACHED_TO]->(held)
SET held._lock = true
REMOVE held._lock
WITH viewer
OPTIONAL MATCH (current:Document {id: $documentId})
OPTIONAL MATCH (current)-[attached:ATTACHED_TO]->(subject)
WITH viewer, current, attached, subject,
  NOT EXISTS { (:Document {id: $versionId}) } AS fresh, CASE
  WHEN current IS NULL OR NOT ({{visible}}) THEN 'NOT_FOUND'
  WHEN EXISTS { (:Document {id: $versionId})-[:PREVIOUS_VERSION]->(current) } THEN 'DONE'
  WHEN subject IS NULL THEN 'NOT_CURRENT'
  WHEN NOT ({{rule documents/viewer_may_attach(subject)}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (viewer, current, attached, subject, outcome, fresh) {
  WITH viewer, current, attached, subject
  WHERE outcome = 'DONE' AND attached IS NOT NULL AND fresh
  CREATE (viewer)-[:UPLOADED]->(next:Document {
    id: $versionId, title: coalesce($title, current.title), fileName: $fileName,
    mimeType: $mimeType, size: $size, sha256: $sha256, version: current.version + 1,
    createdAt: datetime()})-[:PREVIOUS_VERSION]->(current)
  CREATE (next)-[:ATTACHED_TO]->(subject)
  DELETE attached
}
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'DOCUMENT_VERSION_ADDED', subjectType: 'Document',
    subjectId: $versionId, projectId: CASE WHEN subject:Project THEN subject.id END,
    communityId: coalesce(CASE WHEN subject:Community THEN subject.id END,
                          [(subject)-[:IN]->(community:Community) | community.id][0]),
    payload: {title: coalesce($title, current.title), fileName: $fileName,
              mimeType: $mimeType, size: $size, version: current.version + 1,
              previousVersionId: $documentId}}] ELSE [] END AS events
