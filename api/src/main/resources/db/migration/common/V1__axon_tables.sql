-- Axon Framework's tables, as its JPA entities map them (Hibernate validates them at every start): the event store
-- (domain_event_entry, snapshot_event_entry), the token store (token_entry), the dead-letter queues
-- (dead_letter_entry) and the saga store (saga_entry, association_value_entry). The same on H2 and PostgreSQL:
-- binary columns are BYTEA, which H2 takes as VARBINARY (VarbinaryH2Dialect) and PostgreSQL keeps in the row, not
-- as large objects (ByteaPostgresDialect). Columns, constraints and index names are those Hibernate gave the tables
-- in the releases before Flyway (ddl-auto=update), so that a database created then and one created here are alike.
--
-- Every statement only creates what is missing: on a database of a release before Flyway (baselined at version 0,
-- ADR 0146) this script finds the tables in place and keeps them as they are, rows and all.

-- The global index, one number per event (orm.xml: allocation size 1); H2EventSequence continues it after a restart.
CREATE SEQUENCE IF NOT EXISTS domain_event_entry_seq START WITH 1 INCREMENT BY 1;
-- Axon's saga associations, in blocks of 50 as Hibernate allocates them by default.
CREATE SEQUENCE IF NOT EXISTS association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS domain_event_entry (
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT uk8s1f994p4la2ipb13me2xqm1w UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT ukfwe6lsa8bfo6hyas6ud3m8c7x UNIQUE (event_identifier)
);

CREATE TABLE IF NOT EXISTS snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT uke1uucjseo68gopmnd0vgdl44h UNIQUE (event_identifier)
);

-- Each event processor's position, one row per segment; a node claims a segment by its owner column.
CREATE TABLE IF NOT EXISTS token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    owner          VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE IF NOT EXISTS dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    cause_message        VARCHAR(1023),
    cause_type           VARCHAR(255),
    diagnostics          BYTEA,
    enqueued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP(6) WITH TIME ZONE,
    aggregate_identifier VARCHAR(255),
    event_identifier     VARCHAR(255)  NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA         NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255)  NOT NULL,
    sequence_number      BIGINT,
    time_stamp           VARCHAR(255)  NOT NULL,
    token                BYTEA,
    token_type           VARCHAR(255),
    type                 VARCHAR(255),
    processing_group     VARCHAR(255)  NOT NULL,
    processing_started   TIMESTAMP(6) WITH TIME ZONE,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT ukhlr8io86j74qy298xf720n16v UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX IF NOT EXISTS idxe67wcx5fiq9hl4y4qkhlcj9cg ON dead_letter_entry (processing_group);
CREATE INDEX IF NOT EXISTS idxrwucpgs6sn93ldgoeh2q9k6bn ON dead_letter_entry (processing_group, sequence_identifier);

-- No saga is defined today; Axon's saga store is configured all the same, and Hibernate validates its tables.
CREATE TABLE IF NOT EXISTS saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE TABLE IF NOT EXISTS association_value_entry (
    id                BIGINT       NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS idxk45eqnxkgd8hpdn6xixn8sgft
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX IF NOT EXISTS idxgv5k1v2mh6frxuy5c0hgbau94 ON association_value_entry (saga_id, saga_type);
