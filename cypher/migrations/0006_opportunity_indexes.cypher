// Range indexes behind the filters and orderings of the proposals connections (checked with
// PROFILE on 16,000 proposals). Visible proposals are found by status; open ones and deadline
// ranges by status and deadline at once (a node without a deadline is only in the first).
CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status);
CREATE INDEX proposal_status_deadline IF NOT EXISTS FOR (n:Proposal) ON (n.status, n.deadline);
CREATE INDEX proposal_country IF NOT EXISTS FOR (n:Proposal) ON (n.country);
// The orderings by creation time and title; the deadline ordering puts proposals without one
// last, an expression no index holds.
CREATE INDEX proposal_created_at IF NOT EXISTS FOR (n:Proposal) ON (n.createdAt, n.id);
CREATE INDEX proposal_title IF NOT EXISTS FOR (n:Proposal) ON (n.title, n.id);
