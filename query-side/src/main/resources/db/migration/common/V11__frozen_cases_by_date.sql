-- The list of frozen investigation cases (GET /api/audit/cases) pages them latest first: this index serves its
-- order, so that a page reads only its own rows.
CREATE INDEX IF NOT EXISTS audit_cases_frozen ON audit_cases (frozen_at DESC, case_id);
