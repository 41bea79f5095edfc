-- The retention read model (RetentionProjection, the "privacy" processor, ADR 0166): one row per candidate record,
-- with what its retention period is counted from and why, the date a decision about erasing it falls due, IMI's
-- extension (keep_until), the legal hold standing and the erasure. No personal data: ids, the registration number,
-- dates, and IMI's decisions (their reasons name no one). Written through the processor's transaction with its token;
-- each row keeps the sequence number of the candidate's last event applied, so an event delivered again changes
-- nothing, and activity on other records (attempts, claims, ...) only ever moves last_activity_on later.
-- basis: CERTIFICATION, WITHDRAWAL or LAST_ACTIVITY; due_on was counted with the policy named in policy (the periods
-- of application.properties): rows counted under another policy are counted again at start-up and by the daily
-- review. The queue reads the index leading with (erased, held, due_on); the holds standing (held, held_at).
-- Portable: H2 2.x and PostgreSQL 15; it only creates what is missing.
CREATE TABLE IF NOT EXISTS retention_records (
    candidate_id        VARCHAR(100)  NOT NULL PRIMARY KEY,
    centre_id           VARCHAR(100),
    registration_number VARCHAR(40),
    last_sequence       BIGINT        NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    last_activity_on    DATE          NOT NULL,
    last_activity       VARCHAR(100)  NOT NULL,
    basis               VARCHAR(32)   NOT NULL,
    due_on              DATE          NOT NULL,
    policy              VARCHAR(100)  NOT NULL,
    keep_until          DATE,
    keep_reason         VARCHAR(1000),
    keep_legal_basis    VARCHAR(200),
    kept_at             BIGINT,
    kept_by_pin         VARCHAR(32),
    held                BOOLEAN       NOT NULL,
    hold_case_id        VARCHAR(100),
    hold_reason         VARCHAR(1000),
    held_at             BIGINT,
    held_by_pin         VARCHAR(32),
    erased              BOOLEAN       NOT NULL,
    erased_at           BIGINT,
    erasure_legal_basis VARCHAR(200),
    erased_by_pin       VARCHAR(32)
);
CREATE INDEX IF NOT EXISTS retention_records_due ON retention_records (erased, held, due_on, candidate_id);
CREATE INDEX IF NOT EXISTS retention_records_held ON retention_records (held, held_at, candidate_id);
CREATE INDEX IF NOT EXISTS retention_records_policy ON retention_records (policy);
