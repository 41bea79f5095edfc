-- A candidate's erasure (ADR 0165) rewrites the reasons of their late amendments: found by the candidate, not by a
-- scan of every late amendment.
CREATE INDEX IF NOT EXISTS report_late_amendments_candidate ON report_late_amendments (candidate_id);
