// Appends $events (maps: type, subjectType, subjectId, scopeType, scopeId, recipientId,
// communityId, projectId, s3Areas, competences, payload as JSON text) to the event log as
// changes by the viewer, in the transaction of the change itself: an event exists if and only
// if its change committed. Incrementing the sequence locks its node (Cypher takes the write
// lock before reading a property the SET depends on) until the commit, so the next writer
// numbers its events after these: seqs follow commit order, and a transaction rolled back
// leaves no gap (its numbers were never committed). Run last in the transaction, so the lock
// is held only for the commit.
MATCH (sequence:EventSequence {id: 'events'})
SET sequence.seq = sequence.seq + size($events)
WITH sequence.seq - size($events) AS before, datetime() AS at
UNWIND range(0, size($events) - 1) AS i
WITH before + i + 1 AS seq, $events[i] AS event, at
CREATE (:Event {
  seq: seq, type: event.type, at: at, actorId: $viewerId,
  subjectType: event.subjectType, subjectId: event.subjectId,
  scopeType: coalesce(event.scopeType, event.subjectType),
  scopeId: coalesce(event.scopeId, event.subjectId),
  recipientId: event.recipientId, communityId: event.communityId, projectId: event.projectId,
  s3Areas: coalesce(event.s3Areas, []), competences: coalesce(event.competences, []),
  payload: event.payload})
RETURN max(seq) AS last
