// The viewer attaches a new document ($documentId, version 1) to the node `subject` of `label`
// (Project, Community, Discussion or Proposal) with id $subjectId: $title, $fileName,
// $mimeType, $size bytes whose SHA-256 is $sha256. `visible` (code) is the label's visibility
// rule on `subject`. Outcomes: NOT_FOUND (the viewer may not see the subject), FORBIDDEN (may
// see it, may not attach to it), DONE. Created once: a retry after a commit creates nothing.
// Event: DOCUMENT_UPLOADED (its title, file and what it is attached to; in its project or
// community), visible as the document is, when it is new.
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (subject:{{label}} {id: $subjectId})
WITH viewer, subject, NOT EXISTS { (:Document {id: $documentId}) } AS fresh, CASE
  WHEN subject IS NULL OR NOT ({{visible}}) THEN 'NOT_FOUND'
  WHEN NOT ({{rule documents/viewer_may_attach(subject)}}) THEN 'FORBIDDEN'
  ELSE 'DONE' END AS outcome
CALL (viewer, subject, outcome, fresh) {
  WITH viewer, subject
  WHERE outcome = 'DONE' AND fresh
  CREATE (viewer)-[:UPLOADED]->(document:Document {
    id: $documentId, title: $title, fileName: $fileName, mimeType: $mimeType, size: $size,
    sha256: $sha256, version: 1, createdAt: datetime()})-[:ATTACHED_TO]->(subject)
}
RETURN outcome,
  CASE WHEN fresh THEN [{type: 'DOCUMENT_UPLOADED', subjectType: 'Document',
    subjectId: $documentId, projectId: CASE WHEN subject:Project THEN subject.id END,
    communityId: coalesce(CASE WHEN subject:Community THEN subject.id END,
                          [(subject)-[:IN]->(community:Community) | community.id][0]),
    payload: {title: $title, fileName: $fileName, mimeType: $mimeType, size: $size,
              version: 1, attachedToType: '{{label}}', attachedToId: $subjectId}}] ELSE [] END
  AS events
