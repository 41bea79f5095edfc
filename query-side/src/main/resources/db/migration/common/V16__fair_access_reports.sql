-- The fair-access report's cases (FairAccessReports, in the reports processor beside the components of
-- V6__compliance_reports.sql, so its rows commit with the processor's token): one row per access arrangement
-- requested, special consideration applied for, result enquiry raised and appeal lodged. They are few beside
-- attempts (as claims are), so they are kept one by one and counted per centre by the report; the attempts they are
-- set against are V6's counters.
-- measure: ACCESS_ARRANGEMENT, SPECIAL_CONSIDERATION, RESULT_ENQUIRY or APPEAL (an enquiry and its appeal are two
-- rows under the enquiry's id). qualification_code: the candidate's (an arrangement), the attempt's (the others).
-- opened_at: when it was requested, applied for, raised or lodged, in epoch ms (the report's period is whole UTC days
-- of it). outcome: PENDING until decided, then APPROVED or REJECTED; VOID_AND_RESIT, NOTE_ON_RECORD or REJECTED;
-- the re-check's CONFIRMED or CHANGED; UPHELD or DISMISSED. favourable: APPROVED, VOID_AND_RESIT, NOTE_ON_RECORD,
-- CHANGED or UPHELD.
-- Portable: H2 2.x and PostgreSQL 15; it only creates what is missing.
CREATE TABLE IF NOT EXISTS report_fair_access (
    case_id            VARCHAR(100) NOT NULL,
    measure            VARCHAR(24)  NOT NULL,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    opened_at          BIGINT       NOT NULL,
    outcome            VARCHAR(24)  NOT NULL,
    favourable         BOOLEAN      NOT NULL,
    PRIMARY KEY (case_id, measure)
);
CREATE INDEX IF NOT EXISTS report_fair_access_at ON report_fair_access (opened_at, centre_id);
CREATE INDEX IF NOT EXISTS report_fair_access_centre ON report_fair_access (centre_id, opened_at);
CREATE INDEX IF NOT EXISTS report_fair_access_qualification ON report_fair_access (qualification_code, opened_at);
