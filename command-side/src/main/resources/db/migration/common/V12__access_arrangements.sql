-- Access arrangements (ADR 0153): every request with its status, written by the command side's lookup processor in
-- the transaction of the arrangement's events. An attempt reads the APPROVED rows of its candidate when it starts;
-- a request is refused while one of the same kind is PENDING. decided_at is epoch milliseconds (UTC), null while
-- PENDING; it orders approvals (the colour scheme approved last applies).
CREATE TABLE IF NOT EXISTS access_arrangements (
    arrangement_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    candidate_id       VARCHAR(100) NOT NULL,
    centre_id          VARCHAR(100) NOT NULL,
    kind               VARCHAR(24)  NOT NULL,
    extra_time_percent INTEGER,
    text_size          VARCHAR(16),
    colour_scheme      VARCHAR(24),
    status             VARCHAR(16)  NOT NULL,
    decided_at         BIGINT
);

CREATE INDEX IF NOT EXISTS access_arrangements_candidate ON access_arrangements (candidate_id, status);
