-- Uploaded files kept by their content (FileStore, ADR 0141), with the database store (awarding.files.store=database,
-- which the postgres profile sets): records, backed up with the events, never touched by a rebuild of the read
-- models. The content is bytea (PostgreSQL; H2 takes it as VARBINARY), not a large object; files are at most 25 MB.
-- stored_at is epoch milliseconds (UTC). Created on every database, empty where files are kept in the directory
-- store; a release before Flyway created it at the first start with the database store (ADR 0146).
CREATE TABLE IF NOT EXISTS stored_file (
    sha256    VARCHAR(64) PRIMARY KEY,
    size      BIGINT      NOT NULL,
    content   BYTEA       NOT NULL,
    stored_at BIGINT      NOT NULL
);
