// Upserts the EEN profile $externalRef as a proposal of origin EEN, in one transaction, and
// answers `outcome` (FORBIDDEN when the importer may not (`may_import`, filled by code: the
// platform admin rule for the API, true for the command line), NOT_EEN when the reference is
// a territorial proposal's, else DONE), `change` and the proposal's id.
// change: CREATED (no proposal has the reference: $proposalId), UPDATED (the stored profile
// is older than $properties.eenUpdatedAt: its properties, keywords, sought competences and S3
// areas are replaced), CLOSED (the same or an older profile, but the stored proposal is
// published and its deadline is before $today), else UNCHANGED (nothing is written).
// A created or updated proposal is PUBLISHED when $open (its deadline not past, its EEN
// expressions of interest open), else CLOSED; an updated one that is neither published nor
// closed (archived) keeps its status. Keywords ($keywords: id, scheme, code, label) are shared
// nodes, found by scheme and code, made when new. The profile's XML ($document: id, title,
// fileName, mimeType, size, sha256) is attached as a document marked `provenance: 'EEN'`, a
// new version of the former one on each update, uploaded by the viewer when there is one.
// `eenChangeId` holds the id of the change that wrote the proposal last, so that a
// transaction retried after its commit answers the same change again, and writes and records
// nothing more.
// Events: PROPOSAL_CREATED (+ PROPOSAL_PUBLISHED when published) and DOCUMENT_UPLOADED for a
// new proposal; PROPOSAL_UPDATED (with the fields that changed) (+ PROPOSAL_CLOSED or
// PROPOSAL_PUBLISHED when its status changed) and DOCUMENT_VERSION_ADDED for an update;
// PROPOSAL_CLOSED for a closing; none otherwise.
// Concurrent imports of one reference take turns: its proposal is merged (a new one bare, with
// the id $proposalId only, completed below or rolled back with the transaction) and locked
// before anything of it is read, so the second reads what the first wrote and changes nothing
// the first did (one proposal, one document, one CREATED), and an older profile committed
// last cannot overwrite a newer one.
OPTIONAL MATCH (viewer:User {id: $viewerId})
WITH viewer, coalesce({{may_import}}, false) AS mayImport
CALL (mayImport) {
  WITH mayImport
  WHERE mayImport
  MERGE (held:Proposal {externalRef: $externalRef})
    ON CREATE SET held.id = $proposalId
  SET held._lock = true
  REMOVE held._lock
}
OPTIONAL MATCH (proposal:Proposal {externalRef: $externalRef})
  WHERE proposal.id <> $proposalId OR proposal.eenChangeId IS NOT NULL
WITH viewer, proposal, mayImport,
  head(COLLECT { MATCH (proposal)<-[:ATTACHED_TO]-(document:Document {provenance: 'EEN'})
                 RETURN document }) AS former,
  coalesce(proposal.eenChangeId = $changeId, false) AS retried
WITH viewer, proposal, former, retried,
  CASE
    WHEN NOT mayImport THEN 'FORBIDDEN'
    WHEN proposal IS NOT NULL AND proposal.origin <> 'EEN' THEN 'NOT_EEN'
    ELSE 'DONE'
  END AS outcome
WITH viewer, proposal, former, retried, outcome, CASE
    WHEN proposal IS NULL THEN 'CREATED'
    WHEN retried THEN proposal.eenChange
    WHEN proposal.eenUpdatedAt IS NULL OR proposal.eenUpdatedAt < $properties.eenUpdatedAt
      THEN 'UPDATED'
    WHEN proposal.status = 'PUBLISHED' AND proposal.deadline < $today THEN 'CLOSED'
    ELSE 'UNCHANGED'
  END AS change
WITH viewer, proposal, former, retried, outcome, change, proposal.status AS previous, CASE
    WHEN change = 'CLOSED' THEN 'CLOSED'
    WHEN change = 'CREATED' OR proposal.status IN ['PUBLISHED', 'CLOSED']
      THEN CASE WHEN $open THEN 'PUBLISHED' ELSE 'CLOSED' END
    ELSE proposal.status
  END AS target,
  CASE WHEN change = 'UPDATED' AND NOT retried THEN
    [key IN keys($properties) WHERE NOT key IN ['eenUpdatedAt', 'eenSubmittedAt']
       AND NOT coalesce(proposal[key] = $properties[key],
                        proposal[key] IS NULL AND $properties[key] IS NULL)]
    + CASE WHEN COLLECT { MATCH (proposal)-[:HAS_KEYWORD]->(k:Keyword)
                          RETURN k.scheme + ' ' + k.code ORDER BY k.scheme, k.code }
                = $keywordKeys THEN [] ELSE ['keywords'] END
  ELSE [] END AS fields
CALL (viewer, proposal, former, retried, outcome, change, target) {
  WITH viewer, former, change, target
  WHERE outcome = 'DONE' AND NOT retried AND change IN ['CREATED', 'UPDATED', 'CLOSED']
  MATCH (written:Proposal {externalRef: $externalRef})
  SET written.status = target, written.eenChangeId = $changeId, written.eenChange = change,
      written.origin = 'EEN', written.createdAt = coalesce(written.createdAt, datetime())
  WITH viewer, former, change, written
  WHERE change IN ['CREATED', 'UPDATED']
  SET written += $properties
  SET written.closesOn = coalesce(written.deadline, date('9999-12-31'))
  WITH viewer, former, written
  CALL (written) {
    OPTIONAL MATCH (written)-[stale:HAS_KEYWORD]->(keyword:Keyword)
      WHERE NOT keyword.scheme + ' ' + keyword.code IN $keywordKeys
    DELETE stale
  }
  CALL (written) {
    UNWIND $keywords AS given
    MERGE (keyword:Keyword {scheme: given.scheme, code: given.code})
      ON CREATE SET keyword.id = given.id, keyword.label = given.label
    MERGE (written)-[:HAS_KEYWORD]->(keyword)
  }
  CALL (written) {
    OPTIONAL MATCH (written)-[stale:SEEKS]->(competence:Competence)
      WHERE NOT competence.id IN $competenceIds
    DELETE stale
  }
  CALL (written) {
    MATCH (competence:Competence) WHERE competence.id IN $competenceIds
    MERGE (written)-[:SEEKS]->(competence)
  }
  CALL (written) {
    OPTIONAL MATCH (written)-[stale:TAGGED]->(area:S3Area) WHERE NOT area.id IN $areaIds
    DELETE stale
  }
  CALL (written) {
    MATCH (area:S3Area) WHERE area.id IN $areaIds
    MERGE (written)-[:TAGGED]->(area)
  }
  CREATE (document:Document {
    id: $document.id, title: $document.title, fileName: $document.fileName,
    mimeType: $document.mimeType, size: $document.size, sha256: $document.sha256,
    version: coalesce(former.version, 0) + 1, provenance: 'EEN', createdAt: datetime()})
    -[:ATTACHED_TO]->(written)
  FOREACH (earlier IN CASE WHEN former IS NULL THEN [] ELSE [former] END |
    CREATE (document)-[:PREVIOUS_VERSION]->(earlier))
  WITH viewer, former, written, document
  OPTIONAL MATCH (former)-[attached:ATTACHED_TO]->(written)
  DELETE attached
  FOREACH (uploader IN CASE WHEN viewer IS NULL THEN [] ELSE [viewer] END |
    CREATE (uploader)-[:UPLOADED]->(document))
}
WITH proposal, former, retried, outcome, change, previous, target, fields,
  coalesce(proposal.id, $proposalId) AS proposalId
WITH proposal, former, retried, outcome, change, previous, target, fields, proposalId,
  CASE WHEN change = 'CLOSED'
    THEN COLLECT { MATCH (proposal)-[:TAGGED]->(area:S3Area) RETURN area.id }
    ELSE $areaIds END AS areaIds,
  CASE WHEN change = 'CLOSED'
    THEN COLLECT { MATCH (proposal)-[:SEEKS]->(competence:Competence) RETURN competence.id }
    ELSE $competenceIds END AS competenceIds
WITH outcome, change, proposalId, CASE WHEN outcome <> 'DONE' OR retried THEN [] ELSE
  [event IN [
    CASE WHEN change = 'CREATED' THEN {type: 'PROPOSAL_CREATED',
      payload: {title: $properties.title, kind: $properties.kind, status: target,
                externalRef: $externalRef}} END,
    CASE WHEN change = 'UPDATED' THEN {type: 'PROPOSAL_UPDATED',
      payload: {title: $properties.title, fields: fields}} END,
    CASE WHEN target = 'PUBLISHED' AND coalesce(previous, 'NONE') <> 'PUBLISHED'
      THEN {type: 'PROPOSAL_PUBLISHED',
            payload: {title: $properties.title, status: target, previousStatus: previous}} END,
    CASE WHEN target = 'CLOSED' AND previous = 'PUBLISHED'
      THEN {type: 'PROPOSAL_CLOSED', payload: {title: coalesce(proposal.title,
            $properties.title), status: target, previousStatus: previous}} END
  ] WHERE event IS NOT NULL AND change <> 'UNCHANGED' |
    {type: event.type, payload: event.payload, subjectType: 'Proposal',
     subjectId: proposalId, scopeType: 'Proposal', s3Areas: areaIds,
     competences: competenceIds}]
  + CASE WHEN change IN ['CREATED', 'UPDATED'] THEN [{
      type: CASE WHEN former IS NULL THEN 'DOCUMENT_UPLOADED' ELSE 'DOCUMENT_VERSION_ADDED'
            END,
      subjectType: 'Document', subjectId: $document.id,
      payload: {title: $document.title, fileName: $document.fileName,
                mimeType: $document.mimeType, size: $document.size,
                version: coalesce(former.version, 0) + 1, attachedToType: 'Proposal',
                attachedToId: proposalId, previousVersionId: former.id}}] ELSE [] END
  END AS events
RETURN outcome, change, proposalId, events
