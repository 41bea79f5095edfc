-- Rules over history (ADR 0168) read the events of a few types in global order: through this index H2 decodes only
-- those rows, not every row of a range to test the type. Portable: H2 2.x and PostgreSQL 15.
CREATE INDEX IF NOT EXISTS audit_log_event_type ON audit_log (event_type, global_index);
