-- The audit log's events by the candidate they name (candidate_id), in global order: a subject access export finds
-- the records that name one candidate (their attempts, claims, arrangements, ...) by this index alone (ADR 0167).
-- It only creates what is missing.

CREATE INDEX IF NOT EXISTS audit_log_candidate ON audit_log (candidate_id, global_index);
