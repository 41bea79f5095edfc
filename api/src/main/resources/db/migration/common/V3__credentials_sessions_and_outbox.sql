-- Credentials are not history: they live here, never in an event. Times are epoch milliseconds (UTC).
-- Written to also bring a database of a release before Flyway up to date (ADR 0146): it only creates what is missing.
CREATE TABLE IF NOT EXISTS credential (
    user_id       VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    set_at        BIGINT       NOT NULL
);

-- Bearer sessions, keyed by the SHA-256 of the token: a leaked table row cannot be replayed as a token.
CREATE TABLE IF NOT EXISTS user_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    user_id      VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL,
    last_seen_at BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL
);
CREATE INDEX IF NOT EXISTS user_session_user ON user_session (user_id);

-- One-time tokens of activation and reset emails, also kept only as hashes.
CREATE TABLE IF NOT EXISTS one_time_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    VARCHAR(64) NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);

-- Wrong passwords in a row per PIN as typed (known or not, so that lock-outs reveal nothing about which PINs exist)
-- and client address: a lock-out shuts out the address that guessed, never the user signing in from elsewhere.
-- It replaces sign_in_throttle, which locked a PIN for everyone.
DROP TABLE IF EXISTS sign_in_throttle;
CREATE TABLE IF NOT EXISTS sign_in_lockout (
    pin            VARCHAR(64)  NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    failures       INTEGER      NOT NULL,
    locked_until   BIGINT,
    PRIMARY KEY (pin, client_address)
);

CREATE TABLE IF NOT EXISTS outbox_mail (
    id        VARCHAR(36)   PRIMARY KEY,
    recipient VARCHAR(320)  NOT NULL,
    subject   VARCHAR(300)  NOT NULL,
    body      VARCHAR(8000) NOT NULL,
    sent_at   BIGINT        NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_mail_recipient ON outbox_mail (recipient);

-- Wrong access keys when starting an assessment, counted per registration number ("candidate:<number>") and per
-- client address ("address:<ip>"): enough in a row locks starting for a while, so 40-bit keys cannot be guessed.
CREATE TABLE IF NOT EXISTS attempt_start_throttle (
    throttle_key VARCHAR(120) PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    locked_until BIGINT
);
