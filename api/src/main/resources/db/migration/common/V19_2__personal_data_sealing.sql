-- The events an earlier release stored with their personal fields in clear are sealed once (ADR 0164): a row in
-- personal_data_sealing (migration V19) when this migration finds events stored already (none in a new installation,
-- nor under axonserver, whose events are not in this database), and its request made at the next start
-- (command.privacy.PersonalDataSealing). Beside domain_event_entry, in the api's migrations.
INSERT INTO personal_data_sealing (id, due_since)
SELECT 1, CURRENT_TIMESTAMP FROM domain_event_entry
WHERE NOT EXISTS (SELECT 1 FROM personal_data_sealing)
FETCH FIRST 1 ROWS ONLY;
