// Uniqueness of the id of every node of the platform graph beyond actors and taxonomies.
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT discussion_id IF NOT EXISTS FOR (n:Discussion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT news_id IF NOT EXISTS FOR (n:News) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (n:Comment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT expression_of_interest_id IF NOT EXISTS FOR (n:ExpressionOfInterest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT keyword_id IF NOT EXISTS FOR (n:Keyword) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT milestone_id IF NOT EXISTS FOR (n:Milestone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT budget_line_id IF NOT EXISTS FOR (n:BudgetLine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
// EEN profiles are upserted by their reference; keywords are shared per scheme and code.
CREATE CONSTRAINT proposal_external_ref IF NOT EXISTS FOR (n:Proposal) REQUIRE n.externalRef IS UNIQUE;
CREATE CONSTRAINT keyword_scheme_code IF NOT EXISTS FOR (n:Keyword) REQUIRE (n.scheme, n.code) IS UNIQUE;
