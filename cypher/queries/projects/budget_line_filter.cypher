// Filter of a project's budget lines, as Conditions (schema/loading.py): one condition per
// paragraph, applied only when its parameters are given. Any of some categories, and the
// lines of one partner.
n.category IN $categories

MATCH (n)-[:FOR]->(:Organization {id: $partner})
