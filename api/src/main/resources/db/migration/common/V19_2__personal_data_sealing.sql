-- The events an earlier release stored with their personal fields in clear are sealed once (ADR 0164): a row here
-- when this migration finds events stored already (none in a new installation, nor under axonserver, whose events
-- are not in this database), and its request made at the next start (command.privacy.PersonalDataSealing).
CREATE TABLE IF NOT EXISTS personal_data_sealing (
    id           INTEGER   NOT NULL PRIMARY KEY,
    due_since    TIMESTAMP NOT NULL,
    requested_at TIMESTAMP
);

INSERT INTO personal_data_sealing (id, due_since)
SELECT 1, CURRENT_TIMESTAMP FROM domain_event_entry
WHERE NOT EXISTS (SELECT 1 FROM personal_data_sealing)
FETCH FIRST 1 ROWS ONLY;
