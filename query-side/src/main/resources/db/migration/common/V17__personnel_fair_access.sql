-- What each centre user did about fair access (PersonnelProjection, the "personnel" processor, ADR 0161): one row
-- per event, keyed by the event's identifier, so that an event delivered again is inserted only once. The events
-- come from other aggregates than the user's, where the sequence guard of personnel_users cannot apply. The day is
-- the event's (UTC); action is what was done: ACCESS_ARRANGEMENT_REQUESTED, SPECIAL_CONSIDERATION_APPLIED_FOR,
-- RESULT_ENQUIRY_RAISED, APPEAL_LODGED, INCIDENT_RECORDED or ATTEMPT_PAUSED. A report over a period counts the index
-- range of one centre and its days, grouped by user and action, from the index alone. Portable: H2 2.x and
-- PostgreSQL 15; it only creates what is missing.
CREATE TABLE IF NOT EXISTS personnel_fair_access (
    event_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id VARCHAR(100) NOT NULL,
    acted_on  DATE         NOT NULL,
    user_id   VARCHAR(100) NOT NULL,
    action    VARCHAR(40)  NOT NULL
);
CREATE INDEX IF NOT EXISTS personnel_fair_access_centre_day
    ON personnel_fair_access (centre_id, acted_on, user_id, action);
