// Whether project `n` counts as a collaboration in the network queries: every project but a
// cancelled one (planned ones count, their consortium being agreed; the time window of a
// query decides whether they fall in it).
n.status <> 'CANCELLED'
