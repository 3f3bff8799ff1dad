// Range indexes behind the filters and orderings of projects, their work plan and documents.
CREATE INDEX project_start_date IF NOT EXISTS FOR (n:Project) ON (n.startDate, n.id);
CREATE INDEX project_end_date IF NOT EXISTS FOR (n:Project) ON (n.endDate, n.id);
CREATE INDEX project_title IF NOT EXISTS FOR (n:Project) ON (n.title, n.id);
CREATE INDEX project_total_budget IF NOT EXISTS FOR (n:Project) ON (n.totalBudget, n.id);
CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status);
CREATE INDEX project_funding_programme IF NOT EXISTS FOR (n:Project) ON (n.fundingProgramme);
CREATE INDEX activity_start_date IF NOT EXISTS FOR (n:Activity) ON (n.startDate, n.id);
CREATE INDEX activity_end_date IF NOT EXISTS FOR (n:Activity) ON (n.endDate, n.id);
CREATE INDEX activity_title IF NOT EXISTS FOR (n:Activity) ON (n.title, n.id);
CREATE INDEX activity_status IF NOT EXISTS FOR (n:Activity) ON (n.status);
CREATE INDEX milestone_due_date IF NOT EXISTS FOR (n:Milestone) ON (n.dueDate, n.id);
CREATE INDEX result_date IF NOT EXISTS FOR (n:Result) ON (n.date, n.id);
CREATE INDEX result_title IF NOT EXISTS FOR (n:Result) ON (n.title, n.id);
CREATE INDEX result_kind IF NOT EXISTS FOR (n:Result) ON (n.kind);
CREATE INDEX budget_line_category IF NOT EXISTS FOR (n:BudgetLine) ON (n.category, n.id);
CREATE INDEX document_created_at IF NOT EXISTS FOR (n:Document) ON (n.createdAt, n.id);
CREATE INDEX document_version IF NOT EXISTS FOR (n:Document) ON (n.version, n.id);
