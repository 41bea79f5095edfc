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

-- One row, locked by each approval while it takes the next centre number, so that approvals take them in turn.
CREATE TABLE IF NOT EXISTS centre_number_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO centre_number_lock (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM centre_number_lock);

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

-- Online assessments. Instants are BIGINT milliseconds since the epoch (UTC), the same on H2 and PostgreSQL.

-- Each assessment's rules as now in force: copied into an attempt when it opens. A changed pass mark updates the row.
CREATE TABLE IF NOT EXISTS assessment_rules (
    assessment_code    VARCHAR(32) NOT NULL PRIMARY KEY,
    qualification_code VARCHAR(32) NOT NULL,
    question_count     INTEGER     NOT NULL,
    duration_minutes   INTEGER     NOT NULL,
    pass_percent       INTEGER     NOT NULL
);

-- The item banks, with the answer key: read only by the command side, never answered to a client.
-- item_position is the item's place in the published bank (1-based): the order forms are drawn from.
CREATE TABLE IF NOT EXISTS bank_items (
    item_id         VARCHAR(100)  NOT NULL PRIMARY KEY,
    assessment_code VARCHAR(32)   NOT NULL,
    item_position   INTEGER       NOT NULL,
    stem            VARCHAR(1000) NOT NULL,
    -- 0-based index into the item's options
    correct_option  INTEGER       NOT NULL,
    UNIQUE (assessment_code, item_position)
);

CREATE TABLE IF NOT EXISTS bank_item_options (
    item_id      VARCHAR(100)  NOT NULL,
    option_index INTEGER       NOT NULL,
    option_text  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (item_id, option_index)
);

-- Every attempt, kept by its events; attempt_number orders one candidate's attempts at one assessment.
CREATE TABLE IF NOT EXISTS assessment_attempts (
    attempt_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    candidate_id    VARCHAR(100) NOT NULL,
    centre_id       VARCHAR(100) NOT NULL,
    assessment_code VARCHAR(32)  NOT NULL,
    attempt_number  INTEGER      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    -- PASS or FAIL once marked; a voided attempt keeps it
    outcome         VARCHAR(8),
    submitted_at    BIGINT
);

CREATE INDEX IF NOT EXISTS assessment_attempts_candidate ON assessment_attempts (candidate_id, assessment_code);

-- The attempt still open (OPENED or STARTED) for a candidate on an assessment: the primary key is what makes it
-- one at a time, also when two invigilators open at the same moment. The row goes when the attempt closes.
CREATE TABLE IF NOT EXISTS open_attempts (
    candidate_id    VARCHAR(100) NOT NULL,
    assessment_code VARCHAR(32)  NOT NULL,
    attempt_id      VARCHAR(100) NOT NULL UNIQUE,
    PRIMARY KEY (candidate_id, assessment_code)
);

-- One-time access keys, only as salted PBKDF2 hashes (hex); used_at is set once, by a conditional update.
CREATE TABLE IF NOT EXISTS attempt_access_keys (
    attempt_id          VARCHAR(100) NOT NULL PRIMARY KEY,
    registration_number VARCHAR(8)   NOT NULL,
    salt                VARCHAR(32)  NOT NULL,
    key_hash            VARCHAR(64)  NOT NULL,
    iterations          INTEGER      NOT NULL,
    valid_until         BIGINT       NOT NULL,
    used_at             BIGINT
);

CREATE INDEX IF NOT EXISTS attempt_access_keys_registration ON attempt_access_keys (registration_number);

-- Attempt tokens (the candidate's bearer token while sitting), only as SHA-256 hashes (hex).
CREATE TABLE IF NOT EXISTS attempt_tokens (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    attempt_id VARCHAR(100) NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- The deadlines pending for an attempt (its key's expiry, its time limit), by the scheduler's own id: a command
-- that makes one pointless cancels it by that id, instead of reading every pending deadline to find its own.
CREATE TABLE IF NOT EXISTS attempt_deadlines (
    schedule_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    attempt_id    VARCHAR(100) NOT NULL,
    deadline_name VARCHAR(50)  NOT NULL
);
CREATE INDEX IF NOT EXISTS attempt_deadlines_attempt ON attempt_deadlines (attempt_id);

-- Certification.

-- Direct Claim Status: a centre holding it has its claims issued at once, without IMI's approval. Kept from
-- CentreApproved, DirectClaimStatusGranted and DirectClaimStatusRemoved.
ALTER TABLE centre_directory ADD COLUMN IF NOT EXISTS direct_claim_status BOOLEAN NOT NULL DEFAULT FALSE;

-- The candidate's names as registered now (amendments follow), as a certificate prints them. Null for a candidate
-- registered before the columns existed, until their name is next amended.
ALTER TABLE candidate_directory ADD COLUMN IF NOT EXISTS first_name VARCHAR(100);
ALTER TABLE candidate_directory ADD COLUMN IF NOT EXISTS last_name VARCHAR(100);

-- Every certificate claim, with its status and the number of its current certificate (null until issued).
CREATE TABLE IF NOT EXISTS certificate_claims (
    claim_id           VARCHAR(100) NOT NULL PRIMARY KEY,
    candidate_id       VARCHAR(100) NOT NULL,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    status             VARCHAR(24)  NOT NULL,
    certificate_number VARCHAR(16)
);

CREATE INDEX IF NOT EXISTS certificate_claims_candidate ON certificate_claims (candidate_id);

-- Every certificate number ever issued, with what it verifies as (VALID, REPLACED, REVOKED): the primary key is
-- what keeps a number from being issued twice.
CREATE TABLE IF NOT EXISTS certificates (
    certificate_number VARCHAR(16)  NOT NULL PRIMARY KEY,
    claim_id           VARCHAR(100) NOT NULL,
    candidate_id       VARCHAR(100) NOT NULL,
    centre_id          VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    status             VARCHAR(16)  NOT NULL
);

-- The one claim a candidate may have on a qualification: inserted when claimed, deleted only when the claim is
-- rejected; kept once issued, also after a revocation. The primary key refuses a second claim, also when two
-- claims are made at the same moment: the later transaction fails on it and the whole command rolls back.
CREATE TABLE IF NOT EXISTS active_certificate_claims (
    candidate_id       VARCHAR(100) NOT NULL,
    qualification_code VARCHAR(32)  NOT NULL,
    claim_id           VARCHAR(100) NOT NULL UNIQUE,
    PRIMARY KEY (candidate_id, qualification_code)
);

-- Verification codes, in clear: the centre and IMI are shown them and they are printed on the certificate, so
-- they cannot be hashed. A credential: never in an event, written in the issuing command's own transaction and
-- kept for every number (a replaced or revoked certificate still verifies, as what it is now).
CREATE TABLE IF NOT EXISTS certificate_codes (
    certificate_number VARCHAR(16) NOT NULL PRIMARY KEY,
    code               VARCHAR(10) NOT NULL,
    issued_at          BIGINT      NOT NULL
);

-- ePortfolio.

-- The criteria of each unit assessed by portfolio, in the order published: a unit is signed off when every one is
-- met. Units assessed otherwise have no rows.
CREATE TABLE IF NOT EXISTS portfolio_criteria (
    qualification_code VARCHAR(32)  NOT NULL,
    unit_code          VARCHAR(32)  NOT NULL,
    criterion_code     VARCHAR(16)  NOT NULL,
    criterion_position INTEGER      NOT NULL,
    PRIMARY KEY (qualification_code, unit_code, criterion_code)
);

-- A candidate's own account: UNIQUE is what keeps it to one account per candidate, also when two are created at
-- the same moment. Null for every other user.
ALTER TABLE user_directory ADD COLUMN IF NOT EXISTS candidate_id VARCHAR(100) UNIQUE;

-- Who opened each attempt: an invigilator never assesses or quality-assures the candidate they invigilated. Null
-- for attempts opened before the column existed.
ALTER TABLE assessment_attempts ADD COLUMN IF NOT EXISTS invigilator_user_id VARCHAR(100);

-- Each candidate's assessor and IQA now.
CREATE TABLE IF NOT EXISTS portfolio_assignments (
    candidate_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    assessor_user_id VARCHAR(100),
    iqa_user_id      VARCHAR(100)
);

-- The units signed off now (a unit sent back by the IQA is deleted): what certificate eligibility reads.
CREATE TABLE IF NOT EXISTS portfolio_sign_offs (
    candidate_id VARCHAR(100) NOT NULL,
    unit_code    VARCHAR(32)  NOT NULL,
    PRIMARY KEY (candidate_id, unit_code)
);

-- How many units each assessor has signed off, ever: a new assessor's sign-offs are sampled more.
CREATE TABLE IF NOT EXISTS assessor_sign_off_counts (
    assessor_user_id VARCHAR(100) NOT NULL PRIMARY KEY,
    sign_offs        INTEGER      NOT NULL
);

-- Each centre's sampling plan; a centre without a row samples by the defaults.
CREATE TABLE IF NOT EXISTS sampling_plans (
    centre_id              VARCHAR(100) NOT NULL PRIMARY KEY,
    sample_percent         INTEGER      NOT NULL,
    new_assessor_percent   INTEGER      NOT NULL,
    new_assessor_sign_offs INTEGER      NOT NULL
);

CREATE TABLE IF NOT EXISTS sampling_overrides (
    centre_id        VARCHAR(100) NOT NULL,
    assessor_user_id VARCHAR(100) NOT NULL,
    unit_code        VARCHAR(32)  NOT NULL,
    sample_percent   INTEGER      NOT NULL,
    PRIMARY KEY (centre_id, assessor_user_id, unit_code)
);
