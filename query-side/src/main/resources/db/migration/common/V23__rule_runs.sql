-- Rule runs and proposed rules over the audit log (ADR 0168), as the audit processor records them from RuleRunRecorded,
-- RuleProposed and RuleAdopted: what ran, over which window, up to which position, what it found as counts and the
-- SHA-256 digest of the findings, and by whom. Parameters are a JSON object of numbers. Instants are epoch
-- milliseconds. Portable: H2 2.x and PostgreSQL 15. It only creates what is missing.

CREATE TABLE IF NOT EXISTS audit_rule_runs (
    run_id             VARCHAR(255)   NOT NULL PRIMARY KEY,
    rule_id            VARCHAR(255)   NOT NULL,
    parameters         VARCHAR(10000) NOT NULL,
    window_from        BIGINT,
    window_to          BIGINT,
    up_to_position     BIGINT         NOT NULL,
    events_scanned     BIGINT         NOT NULL,
    breaches           INTEGER        NOT NULL,
    learners_affected  INTEGER        NOT NULL,
    attempts_refused   INTEGER,
    findings_digest    CHAR(64)       NOT NULL,
    ran_at             BIGINT         NOT NULL,
    ran_by_pin         VARCHAR(255)
);

-- the runs, the latest first
CREATE INDEX IF NOT EXISTS audit_rule_runs_ran ON audit_rule_runs (ran_at, run_id);

CREATE TABLE IF NOT EXISTS audit_rule_proposals (
    proposal_id        VARCHAR(255)   NOT NULL PRIMARY KEY,
    rule_id            VARCHAR(255)   NOT NULL,
    parameters         VARCHAR(10000) NOT NULL,
    since              BIGINT         NOT NULL,
    up_to_position     BIGINT         NOT NULL,
    events_scanned     BIGINT         NOT NULL,
    breaches           INTEGER        NOT NULL,
    learners_affected  INTEGER        NOT NULL,
    attempts_refused   INTEGER,
    findings_digest    CHAR(64)       NOT NULL,
    proposed_at        BIGINT         NOT NULL,
    proposed_by_pin    VARCHAR(255),
    adopted_at         BIGINT,
    adopted_by_pin     VARCHAR(255)
);

-- the proposals, the latest first
CREATE INDEX IF NOT EXISTS audit_rule_proposals_proposed ON audit_rule_proposals (proposed_at, proposal_id);
