// A webhook a dispatcher ($owner) may take now: enabled, owned by someone, behind the log's
// end, due (no retry to wait for), and leased to no other dispatcher (a lease that ran out
// counts as none).
n.enabled
AND (n.nextAttemptAt IS NULL OR n.nextAttemptAt <= datetime())
AND (n.leaseOwner IS NULL OR n.leaseOwner = $owner OR n.leaseUntil < datetime())
AND EXISTS { MATCH (sequence:EventSequence {id: 'events'}) WHERE n.cursor < sequence.seq }
AND EXISTS { (n)-[:OWNED_BY]->(:User) }
