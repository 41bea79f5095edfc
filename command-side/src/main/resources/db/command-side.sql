-- Lookup tables of the command side: set-based rules are checked against them, and they are written by
-- subscribing event handlers in the same transaction as the events. Portable between H2 and PostgreSQL.
-- Rows are never deleted: a PIN or centre number, once issued, stays taken for good.

CREATE TABLE IF NOT EXISTS user_directory (
    user_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    pin       VARCHAR(8)   NOT NULL UNIQUE,
    -- coalesce(centre_id, 'IMI') || ':' || lower(email): one mailbox per centre, and one among IMI staff
    email_key VARCHAR(400) NOT NULL UNIQUE,
    centre_id VARCHAR(100),
    name      VARCHAR(100) NOT NULL,
    email     VARCHAR(254) NOT NULL,
    -- role names, comma-separated
    roles     VARCHAR(200) NOT NULL,
    active    BOOLEAN      NOT NULL
);

CREATE TABLE IF NOT EXISTS centre_directory (
    centre_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    -- null until approved; UNIQUE catches two approvals racing for the same number
    centre_number VARCHAR(12)  UNIQUE,
    status        VARCHAR(16)  NOT NULL
);

CREATE TABLE IF NOT EXISTS qualification_catalogue (
    code VARCHAR(32) NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS assessment_catalogue (
    assessment_code    VARCHAR(32) NOT NULL PRIMARY KEY,
    qualification_code VARCHAR(32) NOT NULL
);
