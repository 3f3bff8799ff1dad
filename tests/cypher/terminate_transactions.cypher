// End the transactions `$ids` from outside, as an operator (or a shutting-down Neo4j) does.
TERMINATE TRANSACTIONS $ids
