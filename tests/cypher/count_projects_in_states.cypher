// Ground truth of the projects connection's status filter, over the whole graph.
MATCH (p:Project)
WHERE p.status IN $statuses
RETURN count(p) AS n
