-- Compliance report figures, kept incrementally by the reports processor's components (ReportsProjection,
-- AmendmentReports, AttemptReports; one segment, global order) in the relational database beside the token store:
-- each batch's increments commit with its token, so each event counts once. Counters are kept per day, so that a
-- report over any period sums a small index range; rows one by one only where a report lists them.
-- Portable: H2 2.x and PostgreSQL 15. Safe to run at every start.

-- Registrations per centre, qualification and day registered: how many, and how many late.
CREATE TABLE IF NOT EXISTS report_registrations (
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    registered_on      DATE         NOT NULL,
    registrations      BIGINT       NOT NULL,
    late               BIGINT       NOT NULL,
    PRIMARY KEY (centre_id, qualification_code, registered_on)
);
CREATE INDEX IF NOT EXISTS report_registrations_day ON report_registrations (registered_on, centre_id);

-- Certificate claims, one row each: claim to issue (turnaround) and the claims still awaiting IMI, by age.
CREATE TABLE IF NOT EXISTS report_claims (
    claim_id           VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    claimed_at         BIGINT       NOT NULL,
    decided_at         BIGINT,
    status             VARCHAR(20)  NOT NULL
);
CREATE INDEX IF NOT EXISTS report_claims_status ON report_claims (status, centre_id);
CREATE INDEX IF NOT EXISTS report_claims_decided ON report_claims (decided_at, centre_id);

-- What happened to each centre's standing: approval (with its Direct Claim Status), suspension, reinstatement,
-- withdrawal, sanctions imposed and lifted, Direct Claim Status granted and removed; one row per event.
CREATE TABLE IF NOT EXISTS report_centre_changes (
    event_id  VARCHAR(100)  NOT NULL PRIMARY KEY,
    centre_id VARCHAR(100)  NOT NULL,
    changed_at BIGINT       NOT NULL,
    change    VARCHAR(40)   NOT NULL,
    reason    VARCHAR(1000)
);
CREATE INDEX IF NOT EXISTS report_centre_changes_centre ON report_centre_changes (centre_id, changed_at);
CREATE INDEX IF NOT EXISTS report_centre_changes_at ON report_centre_changes (changed_at);

-- Amendments (AmendmentReports). Each candidate's qualification now, and when they first had a result (an
-- AttemptSubmitted, any outcome; a later void does not undo it) and a certificate claim, in epoch ms: what an
-- amendment needs to be judged. The centre is not kept: every amendment names its own (a transfer the centre left).
CREATE TABLE IF NOT EXISTS report_candidates (
    candidate_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    qualification_code VARCHAR(32)  NOT NULL,
    first_result_at    BIGINT,
    first_claim_at     BIGINT
);

-- Amendments per centre (a transfer's: the one left), qualification (the candidate's at the time; a qualification
-- amendment's: the old one) and day amended (UTC): how many of each kind, how many after a result, after a claim
-- (one amendment may be both), and after either: how many rows report_late_amendments holds for the same filters.
CREATE TABLE IF NOT EXISTS report_amendments (
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    amended_on         DATE         NOT NULL,
    amendments         BIGINT       NOT NULL,
    names              BIGINT       NOT NULL,
    dates_of_birth     BIGINT       NOT NULL,
    ulns               BIGINT       NOT NULL,
    qualifications     BIGINT       NOT NULL,
    transfers          BIGINT       NOT NULL,
    after_result       BIGINT       NOT NULL,
    after_claim        BIGINT       NOT NULL,
    after_either       BIGINT       NOT NULL,
    PRIMARY KEY (centre_id, qualification_code, amended_on)
);
CREATE INDEX IF NOT EXISTS report_amendments_day ON report_amendments (amended_on, centre_id);

-- The amendments made after a result or a claim, one row each (few: they are what an investigation reads).
-- kind: NAME, DATE_OF_BIRTH, ULN, QUALIFICATION or TRANSFER; actor_pin from the event's metadata (null: none).
CREATE TABLE IF NOT EXISTS report_late_amendments (
    event_id           VARCHAR(100)  NOT NULL PRIMARY KEY,
    amended_at         BIGINT        NOT NULL,
    candidate_id       VARCHAR(100)  NOT NULL,
    centre_id          VARCHAR(100)  NOT NULL,
    qualification_code VARCHAR(32)   NOT NULL,
    kind               VARCHAR(20)   NOT NULL,
    reason             VARCHAR(1000),
    actor_pin          VARCHAR(32),
    first_result_at    BIGINT,
    first_claim_at     BIGINT
);
CREATE INDEX IF NOT EXISTS report_late_amendments_at ON report_late_amendments (amended_at);
CREATE INDEX IF NOT EXISTS report_late_amendments_centre ON report_late_amendments (centre_id, amended_at);

-- Attempts (AttemptReports), one row each: written at AttemptOpened (who, where, which invigilator), completed at
-- AttemptSubmitted (times in epoch ms, percent, passed, the answer changes: zeros for events from before they were
-- recorded), marked voided by AttemptVoided. fast_high: at least 90 % in under a quarter of the time allowed.
CREATE TABLE IF NOT EXISTS report_attempts (
    attempt_id          VARCHAR(100) NOT NULL PRIMARY KEY,
    candidate_id        VARCHAR(100) NOT NULL,
    registration_number VARCHAR(32),
    centre_id           VARCHAR(100) NOT NULL,
    qualification_code  VARCHAR(32)  NOT NULL,
    assessment_code     VARCHAR(64)  NOT NULL,
    invigilator_pin     VARCHAR(32),
    started_at          BIGINT,
    ends_at             BIGINT,
    submitted_at        BIGINT,
    percent             DOUBLE PRECISION,
    passed              BOOLEAN,
    fast_high           BOOLEAN      NOT NULL,
    changes             INTEGER,
    wrong_to_right      INTEGER,
    right_to_wrong      INTEGER,
    voided              BOOLEAN      NOT NULL
);
-- The fast high scores in submission order (of one centre); they are rare, so the flag leads.
CREATE INDEX IF NOT EXISTS report_attempts_fast_high ON report_attempts (fast_high, submitted_at);
CREATE INDEX IF NOT EXISTS report_attempts_fast_high_centre ON report_attempts (fast_high, centre_id, submitted_at);
-- The attempts with changes from wrong to right, of one centre or in a period.
CREATE INDEX IF NOT EXISTS report_attempts_wrong_to_right ON report_attempts (wrong_to_right, submitted_at);
CREATE INDEX IF NOT EXISTS report_attempts_centre ON report_attempts (centre_id, submitted_at);

-- Marked attempts that were not voided, per centre, qualification, assessment and day submitted (UTC): how many,
-- how many passed, the changes of answer (all, from wrong to right, and the sum of each attempt's wrong-to-right
-- count squared, for the standard deviation), and how many attempts had any change from wrong to right (the number of
-- attempts the answer-changes report lists, counted without reading them). A void subtracts the attempt again.
CREATE TABLE IF NOT EXISTS report_attempt_counts (
    centre_id              VARCHAR(100) NOT NULL,
    qualification_code     VARCHAR(32)  NOT NULL,
    assessment_code        VARCHAR(64)  NOT NULL,
    submitted_on           DATE         NOT NULL,
    attempts               BIGINT       NOT NULL,
    passes                 BIGINT       NOT NULL,
    answer_changes         BIGINT       NOT NULL,
    wrong_to_right         BIGINT       NOT NULL,
    wrong_to_right_squared BIGINT       NOT NULL,
    with_wrong_to_right    BIGINT       NOT NULL,
    PRIMARY KEY (centre_id, qualification_code, assessment_code, submitted_on)
);
CREATE INDEX IF NOT EXISTS report_attempt_counts_day ON report_attempt_counts (submitted_on, centre_id);
CREATE INDEX IF NOT EXISTS report_attempt_counts_qualification ON report_attempt_counts (qualification_code, submitted_on);

-- The same counts nationally, per qualification, assessment and day: the national figures every pass-rate and
-- answer-change report over a period compares with, whatever centre it is about, sum a quarter as many rows
-- (12 assessments a day, where the centres' counts hold about one row per attempt at 200 centres).
CREATE TABLE IF NOT EXISTS report_assessment_counts (
    qualification_code     VARCHAR(32)  NOT NULL,
    assessment_code        VARCHAR(64)  NOT NULL,
    submitted_on           DATE         NOT NULL,
    attempts               BIGINT       NOT NULL,
    passes                 BIGINT       NOT NULL,
    answer_changes         BIGINT       NOT NULL,
    wrong_to_right         BIGINT       NOT NULL,
    wrong_to_right_squared BIGINT       NOT NULL,
    with_wrong_to_right    BIGINT       NOT NULL,
    PRIMARY KEY (qualification_code, assessment_code, submitted_on)
);
CREATE INDEX IF NOT EXISTS report_assessment_counts_day ON report_assessment_counts (submitted_on);

-- The same counts over all time, per centre, qualification and assessment: a report without a period (the usual
-- first view) sums these, its national figures too, instead of every day's.
CREATE TABLE IF NOT EXISTS report_attempt_totals (
    centre_id              VARCHAR(100) NOT NULL,
    qualification_code     VARCHAR(32)  NOT NULL,
    assessment_code        VARCHAR(64)  NOT NULL,
    attempts               BIGINT       NOT NULL,
    passes                 BIGINT       NOT NULL,
    answer_changes         BIGINT       NOT NULL,
    wrong_to_right         BIGINT       NOT NULL,
    wrong_to_right_squared BIGINT       NOT NULL,
    with_wrong_to_right    BIGINT       NOT NULL,
    PRIMARY KEY (centre_id, qualification_code, assessment_code)
);
