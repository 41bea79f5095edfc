-- A frozen case names the rule run whose learners and people it freezes (CaseFrozen.ruleRunId, ADR 0168); null for a
-- case frozen by hand and for every case frozen before. It only adds what is missing.

ALTER TABLE audit_cases ADD COLUMN IF NOT EXISTS rule_run_id VARCHAR(255);
