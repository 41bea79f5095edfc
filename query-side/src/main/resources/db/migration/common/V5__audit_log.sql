-- The audit log: every event once, in global order, with the SHA-256 hash chain over it (AuditLogProjection).
-- Kept in the relational database beside Axon's token store, so that each batch's rows commit with its token,
-- and so that the timeline and blast-radius questions are index range scans. Portable: H2 2.x and PostgreSQL 15.
-- Instants are epoch milliseconds; JSON is kept as text exactly as the event store holds it.
-- It only creates what is missing, so that it also takes over the audit log of a release before Flyway (ADR 0146).

CREATE TABLE IF NOT EXISTS audit_log (
    global_index              BIGINT         NOT NULL PRIMARY KEY,
    event_id                  VARCHAR(255)   NOT NULL,
    payload_type              VARCHAR(500)   NOT NULL,
    event_type                VARCHAR(255)   NOT NULL,
    aggregate_type            VARCHAR(255),
    record_type               VARCHAR(255),
    aggregate_id              VARCHAR(255),
    sequence_number           BIGINT         NOT NULL,
    occurred_at               BIGINT         NOT NULL,
    actor_user_id             VARCHAR(255),
    actor_pin                 VARCHAR(255),
    actor_registration_number VARCHAR(255),
    centre_id                 VARCHAR(255),
    candidate_id              VARCHAR(255),
    reason                    VARCHAR(1000000),
    correlation_id            VARCHAR(255),
    client_address            VARCHAR(255),
    payload                   VARCHAR(1000000),
    metadata                  VARCHAR(1000000),
    previous_hash             CHAR(64)       NOT NULL,
    chain_hash                CHAR(64)       NOT NULL
);

-- a record's history: FindRecordEvents and the case bundles
CREATE INDEX IF NOT EXISTS audit_log_record ON audit_log (aggregate_id, sequence_number);
-- the timeline's filters: a PIN's or a centre's events in global order (a page reads only its own entries)...
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor_pin, global_index);
CREATE INDEX IF NOT EXISTS audit_log_centre ON audit_log (centre_id, global_index);
-- ...a time window's (the counts of a window's partial hours, see audit_hours)...
CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (occurred_at, global_index);
-- ...and a PIN's or a centre's within a time window: the range is exactly the matching events
CREATE INDEX IF NOT EXISTS audit_log_actor_time ON audit_log (actor_pin, occurred_at, global_index);
CREATE INDEX IF NOT EXISTS audit_log_centre_time ON audit_log (centre_id, occurred_at, global_index);

-- Per hour of event time (epoch millis / 3,600,000): how many events, and the first and last global position
-- among them. A time window's count is the sum of its whole hours plus its two partial hours counted through
-- audit_log_time; its events lie between the first and last positions of the hours it touches.
CREATE TABLE IF NOT EXISTS audit_hours (
    event_hour      BIGINT         NOT NULL PRIMARY KEY,
    event_count     BIGINT         NOT NULL,
    first_position  BIGINT         NOT NULL,
    last_position   BIGINT         NOT NULL
);

-- Per block of 1,024 global positions (global_index / 1024): how many events. The unfiltered timeline finds a
-- page's first row by adding these up instead of stepping over every earlier row.
CREATE TABLE IF NOT EXISTS audit_blocks (
    block           BIGINT         NOT NULL PRIMARY KEY,
    event_count     BIGINT         NOT NULL
);

-- What ties a candidate to an invigilator, assessor, assessment, item or centre: one row per event that does.
CREATE TABLE IF NOT EXISTS audit_links (
    kind          VARCHAR(20)    NOT NULL,
    link_key      VARCHAR(255)   NOT NULL,
    candidate_id  VARCHAR(255)   NOT NULL,
    global_index  BIGINT         NOT NULL,
    occurred_at   BIGINT         NOT NULL,
    PRIMARY KEY (kind, link_key, candidate_id, global_index)
);

-- the blast radius within a time window
CREATE INDEX IF NOT EXISTS audit_links_window ON audit_links (kind, link_key, occurred_at);

-- The chain's head, one row (id 1): the last position hashed, its time, how many events are hashed, the hash.
CREATE TABLE IF NOT EXISTS audit_chain_head (
    id            INTEGER        NOT NULL PRIMARY KEY,
    position      BIGINT         NOT NULL,
    occurred_at   BIGINT         NOT NULL,
    event_count   BIGINT         NOT NULL,
    chain_hash    CHAR(64)       NOT NULL
);

-- Frozen investigation cases (CaseFrozen): records is a JSON array of {type, id}.
CREATE TABLE IF NOT EXISTS audit_cases (
    case_id         VARCHAR(255)   NOT NULL PRIMARY KEY,
    title           VARCHAR(1000)  NOT NULL,
    up_to_position  BIGINT         NOT NULL,
    frozen_at       BIGINT         NOT NULL,
    frozen_by_pin   VARCHAR(255),
    records         VARCHAR(1000000) NOT NULL
);
