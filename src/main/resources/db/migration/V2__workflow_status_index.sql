-- "What is recording now in this workflow?" (find abandoned runs, the admin's daily view): with workflow and status
-- both given, walk this index instead of the workflow's and skip past every other status. Measured at 1M
-- sessions: 5.0-7.7 ms -> 1.3 ms for workflow + status=recording (see BENCHMARKS.md).
CREATE INDEX sessions_live_workflow_status ON sessions (workflow, status, created_at, id) WHERE deleted_at IS NULL;
