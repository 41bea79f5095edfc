-- Compliance report figures, kept incrementally by the reports projection (ReportsProjection) in the relational
-- database beside the token store: each batch's increments commit with its token, so each event counts once.
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
