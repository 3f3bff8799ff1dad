// The viewer deletes the document $documentId (given by any of its versions) with all its
// versions. Its author (who uploaded the first version) may, and those who manage its subject
// (documents/viewer_manages_subject). `visible` (code) is the Document visibility rule on
// `given`. Outcomes: NOT_FOUND, FORBIDDEN, DONE; `hashes` lists the SHA-256 of the deleted
// versions, whose bytes may now be unreferenced. Deleting what is gone already is NOT_FOUND.
// Event: DOCUMENT_DELETED (its title and what it was attached to; in its project or
// community), visible to those who could see it: the document is gone, so its subject decides
// (a discussion or a proposal by its own rule, a community's content, a project's private side).
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
WITH viewer, given, current, subject, first, current.title AS title, CASE
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
RETURN outcome, coalesce(hashes, []) AS hashes,
  [{type: 'DOCUMENT_DELETED', subjectType: 'Document', subjectId: $documentId,
    scopeType: CASE WHEN subject:Project THEN 'ProjectPrivate'
                    WHEN subject:Community THEN 'CommunityContent'
                    WHEN subject:Discussion THEN 'Discussion' ELSE 'Proposal' END,
    scopeId: subject.id, projectId: CASE WHEN subject:Project THEN subject.id END,
    communityId: coalesce(CASE WHEN subject:Community THEN subject.id END,
                          [(subject)-[:IN]->(community:Community) | community.id][0]),
    payload: {title: title, attachedToId: subject.id,
              attachedToType: [label IN labels(subject)
                               WHERE label IN ['Project', 'Community', 'Discussion',
                                               'Proposal']][0]}}] AS events
