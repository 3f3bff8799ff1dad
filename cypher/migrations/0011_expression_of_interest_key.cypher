// One expression of interest per person, proposal and organization spoken for: its `key` joins
// the three ids, and the constraint makes concurrent submissions of the same one meet on one
// node (MERGE alone cannot, across transactions that do not see each other's new node).
CREATE CONSTRAINT expression_of_interest_key IF NOT EXISTS FOR (n:ExpressionOfInterest) REQUIRE n.key IS UNIQUE;
