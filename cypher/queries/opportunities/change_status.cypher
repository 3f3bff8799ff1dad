// Moves `subject` (the node of `label` with id $subjectId) from one of the statuses $sources to
// $target, as one row of the status machine (schema/opportunities/transitions.py) says, and
// answers the outcome: NOT_FOUND when the viewer may neither see nor act on it, FORBIDDEN when
// the viewer sees it but may not act, INVALID_TRANSITION when its status is not one of
// $sources, else DONE. A refused change writes nothing. `statusChangeId` holds the id of the
// change that set the status, so that a transaction retried after its commit recognizes its
// own change ($changeId) and answers DONE again without repeating it (nor its events).
// When $setsNote, `reviewNote` becomes $note (a facilitator's review of a proposal).
// The code fills `label`, `visible` (the label's visibility rule, on `n`), `may_act` (who may
// make this change, on `subject`) and `effects` (writes that follow the change, such as
// notifications, given `viewer` and `subject`, returning the events they make as `notices`).
// Events: $eventType for the subject (its type $subjectType; a proposal's with its S3 areas
// and competences), then those of the effects (NOTIFICATION_CREATED).
MATCH (viewer:User {id: $viewerId})
OPTIONAL MATCH (subject:{{label}} {id: $subjectId})
WITH viewer, subject, subject IS NOT NULL AND coalesce({{may_act}}, false) AS mayAct
WITH viewer, subject, subject.status AS former, CASE
    WHEN subject IS NULL THEN 'NOT_FOUND'
    WHEN NOT mayAct AND NOT coalesce(any(n IN [subject] WHERE {{visible}}), false)
      THEN 'NOT_FOUND'
    WHEN NOT mayAct THEN 'FORBIDDEN'
    WHEN subject.status = $target AND subject.statusChangeId = $changeId THEN 'REPEATED'
    WHEN NOT subject.status IN $sources THEN 'INVALID_TRANSITION'
    ELSE 'DONE'
  END AS outcome
OPTIONAL CALL (viewer, subject, outcome) {
  WITH viewer, subject
  WHERE outcome = 'DONE'
  SET subject.status = $target, subject.statusChangeId = $changeId,
      subject.reviewNote = CASE WHEN $setsNote THEN $note ELSE subject.reviewNote END
  {{effects}}
}
RETURN CASE outcome WHEN 'REPEATED' THEN 'DONE' ELSE outcome END AS outcome,
  CASE outcome WHEN 'DONE' THEN [{type: $eventType, subjectType: $subjectType,
      subjectId: $subjectId,
      scopeType: CASE WHEN NOT subject:Proposal THEN null
        WHEN $target = 'DRAFT' THEN 'ProposalDraft'
        WHEN $target IN ['TO_VALIDATE', 'ARCHIVED'] THEN 'ProposalInReview'
        ELSE 'Proposal' END,
      s3Areas: COLLECT { MATCH (subject)-[:TAGGED]->(area:S3Area) RETURN area.id },
      competences: COLLECT { MATCH (subject)-[:SEEKS]->(competence:Competence)
                             RETURN competence.id },
      payload: CASE WHEN subject:Proposal
        THEN {title: subject.title, status: $target, previousStatus: former}
        ELSE {proposalId: head(COLLECT { MATCH (subject)-[:FOR]->(proposal:Proposal)
                                         RETURN proposal.id }),
              status: $target, previousStatus: former} END}] + notices
    ELSE [] END AS events
