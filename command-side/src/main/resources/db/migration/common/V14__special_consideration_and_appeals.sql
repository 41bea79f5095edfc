-- Special consideration and enquiries about results (issue 18, ADRs 0155 and 0156): command-side lookup tables,
-- written by subscribing event handlers in the transaction of the events.

-- One application for special consideration per attempt: the primary key refuses a second, also two at once.
CREATE TABLE IF NOT EXISTS special_consideration_attempts (
    attempt_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    consideration_id VARCHAR(100) NOT NULL UNIQUE
);

-- A re-sit without the wait after a fail, granted by a VOID_AND_RESIT decision, used by the next attempt opened.
CREATE TABLE IF NOT EXISTS resit_waivers (
    consideration_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    attempt_id         VARCHAR(100) NOT NULL,
    candidate_id       VARCHAR(100) NOT NULL,
    assessment_code    VARCHAR(32)  NOT NULL,
    used_by_attempt_id VARCHAR(100)
);
CREATE INDEX IF NOT EXISTS resit_waivers_candidate ON resit_waivers (candidate_id, assessment_code);

-- One enquiry about results per attempt (its re-check and its appeal are stages of it).
CREATE TABLE IF NOT EXISTS result_enquiry_attempts (
    attempt_id VARCHAR(100) NOT NULL PRIMARY KEY,
    enquiry_id VARCHAR(100) NOT NULL UNIQUE
);
