// The seq of the latest committed event (where a test's own events start after).
MATCH (sequence:EventSequence {id: 'events'})
RETURN sequence.seq AS seq
