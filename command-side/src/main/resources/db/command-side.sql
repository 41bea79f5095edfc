-- Lookup tables of the command side: set-based rules are checked against them, and they are written by
-- subscribing event handlers in the same transaction as the events. Portable between H2 and PostgreSQL.
-- Rows are never deleted where they hold something issued: a PIN, centre number or registration number, once
-- issued, stays taken for good. Tables added later are created here too, and columns added later use
-- ADD COLUMN IF NOT EXISTS, so that the script also brings an existing database up to date.

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

-- The sanctions in force: a centre under REGISTRATIONS registers no candidates, under CERTIFICATION claims nothing.
ALTER TABLE centre_directory ADD COLUMN IF NOT EXISTS registrations_sanctioned BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE centre_directory ADD COLUMN IF NOT EXISTS certification_sanctioned BOOLEAN NOT NULL DEFAULT FALSE;

-- The qualifications each centre is approved for now: a removed approval's row is deleted.
CREATE TABLE IF NOT EXISTS centre_qualification (
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    PRIMARY KEY (centre_id, qualification_code)
);

CREATE TABLE IF NOT EXISTS qualification_catalogue (
    code VARCHAR(32) NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS assessment_catalogue (
    assessment_code    VARCHAR(32) NOT NULL PRIMARY KEY,
    qualification_code VARCHAR(32) NOT NULL
);

CREATE TABLE IF NOT EXISTS candidate_directory (
    candidate_id        VARCHAR(100) NOT NULL PRIMARY KEY,
    -- UNIQUE catches two registrations drawing the same number at the same moment
    registration_number VARCHAR(8)   NOT NULL UNIQUE,
    -- the centre the candidate belongs to now: moves with a transfer
    centre_id           VARCHAR(100) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    -- the duplicate key, with centre_id: names folded for matching (no case, no accents, spaces collapsed)
    first_name_key      VARCHAR(200) NOT NULL,
    last_name_key       VARCHAR(200) NOT NULL,
    date_of_birth       DATE         NOT NULL,
    qualification_code  VARCHAR(32)  NOT NULL
);

-- Not unique: a centre may confirm a registration that matches an existing one.
CREATE INDEX IF NOT EXISTS candidate_directory_duplicate_key
    ON candidate_directory (centre_id, last_name_key, first_name_key, date_of_birth, qualification_code);
