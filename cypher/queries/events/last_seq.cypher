// The seq of the latest committed event (0 for an empty log): where a process's hub starts.
MATCH (sequence:EventSequence {id: 'events'})
RETURN sequence.seq AS last
