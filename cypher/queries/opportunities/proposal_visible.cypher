// Proposals anyone may see: published ones and closed ones (a project may link to a closed
// call); never drafts, proposals awaiting validation or archived ones.
n.status IN ['PUBLISHED', 'CLOSED']
