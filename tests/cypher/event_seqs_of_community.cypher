// The seqs of the events of community $community after seq $after, in order.
MATCH (event:Event {communityId: $community})
WHERE event.seq > $after
RETURN event.seq AS seq
ORDER BY seq
