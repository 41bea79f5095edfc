-- Regulator returns (ADR 0169): a bitemporal ledger kept by the "returns" processor (one segment, global order).
-- Every change of a return's figure is one row: which return, the figure's key (centre, qualification, assessment,
-- the reporting day the figure belongs to), the measure, the signed delta, and the event that caused it. A return
-- for a period as of an instant is the sum of the deltas of the period's days that occurred by then; the changes
-- between two instants are the rows that occurred between them. Ids, codes and counts only: no personal value, so
-- an erasure never changes a past return. The record tables hold what a later event must find to move a figure.
-- Portable: H2 2.x and PostgreSQL 15.

CREATE TABLE IF NOT EXISTS return_ledger (
    return_code        VARCHAR(40)  NOT NULL,
    period_day         DATE         NOT NULL,
    occurred_at        BIGINT       NOT NULL,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    assessment_code    VARCHAR(64)  NOT NULL,
    measure            VARCHAR(40)  NOT NULL,
    delta              INTEGER      NOT NULL,
    global_position    BIGINT       NOT NULL,
    event_id           VARCHAR(100) NOT NULL,
    event_type         VARCHAR(100) NOT NULL,
    record_type        VARCHAR(20)  NOT NULL,
    record_id          VARCHAR(100) NOT NULL,
    actor_pin          VARCHAR(20)
);
-- A return over a period as of an instant, and the changes between two instants: one index range per period.
CREATE INDEX IF NOT EXISTS return_ledger_period ON return_ledger (return_code, period_day, occurred_at);

-- Each candidate's registration as the record stands (centre, qualification), and their first result and claim.
CREATE TABLE IF NOT EXISTS return_candidates (
    candidate_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    registered_on      DATE         NOT NULL,
    late               BOOLEAN      NOT NULL,
    first_result_at    BIGINT,
    first_claim_at     BIGINT
);

-- Each marked attempt: what a void or a changed outcome takes away from the day it was submitted.
CREATE TABLE IF NOT EXISTS return_attempts (
    attempt_id         VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    assessment_code    VARCHAR(64)  NOT NULL,
    submitted_on       DATE         NOT NULL,
    passed             BOOLEAN      NOT NULL,
    voided             BOOLEAN      NOT NULL
);

-- Each issued certificate: a revocation counts against the day it was issued.
CREATE TABLE IF NOT EXISTS return_certificates (
    claim_id           VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    issued_on          DATE         NOT NULL,
    revoked            BOOLEAN      NOT NULL
);

-- How far the returns processor has read: the last global position and the latest time of the events read, written
-- with each batch, so that any node can tell which instants the ledger has settled.
CREATE TABLE IF NOT EXISTS return_ledger_read (
    id              INTEGER NOT NULL PRIMARY KEY,
    global_position BIGINT  NOT NULL,
    occurred_at     BIGINT  NOT NULL
);
