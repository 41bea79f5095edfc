-- Personnel reports (PersonnelProjection, the "personnel" processor) in the relational database beside the token
-- store: each batch's writes commit with its token. Portable: H2 2.x and PostgreSQL 15. It only creates what is
-- missing, so that it also takes over the tables of a release before Flyway (ADR 0146).

-- Everyone with access, one row per user (IMI staff with a null centre): who they are now, when and by whom (the
-- acting PIN of UserCreated's metadata; null: none recorded) they were created, when they last signed in (epoch ms).
-- last_sequence is the aggregate sequence number of the user's last event applied: an event at or below it was
-- applied already and changes nothing (idempotent however often it is delivered). Roles in the enum's order,
-- separated by commas. Never a password, hash or token.
CREATE TABLE IF NOT EXISTS personnel_users (
    user_id         VARCHAR(100) NOT NULL PRIMARY KEY,
    centre_id       VARCHAR(100),
    pin             VARCHAR(32)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    roles           VARCHAR(200) NOT NULL,
    active          BOOLEAN      NOT NULL,
    activated       BOOLEAN      NOT NULL,
    created_at      BIGINT       NOT NULL,
    created_by_pin  VARCHAR(32),
    last_sign_in_at BIGINT,
    last_sequence   BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS personnel_users_centre ON personnel_users (centre_id);

-- Failed sign-ins (wrong passwords) and lock-outs of a centre's users per day (UTC): a report over a period sums
-- the index range of one centre and its days. Only days with something to count have a row.
CREATE TABLE IF NOT EXISTS personnel_sign_in_days (
    centre_id       VARCHAR(100) NOT NULL,
    attempted_on    DATE         NOT NULL,
    user_id         VARCHAR(100) NOT NULL,
    failed_sign_ins BIGINT       NOT NULL,
    lock_outs       BIGINT       NOT NULL,
    PRIMARY KEY (centre_id, attempted_on, user_id)
);
