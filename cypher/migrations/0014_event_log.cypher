// The event log (schema/events): every committed change's events, in the order of `seq`,
// read by subscriptions and webhooks from a position on.
CREATE CONSTRAINT event_seq IF NOT EXISTS FOR (n:Event) REQUIRE n.seq IS UNIQUE;
// The one sequence node: a transaction that records events locks it (events/append), so
// seqs follow commit order with no gap.
MERGE (sequence:EventSequence {id: 'events'}) ON CREATE SET sequence.seq = 0;
