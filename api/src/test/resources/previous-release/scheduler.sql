-- Axon's persistent deadlines (attempt time limits, access-key expiry), kept by db-scheduler: a deadline survives
-- a restart, and with several nodes exactly one node picks it. The table layout is db-scheduler's own; the types
-- are chosen to work on H2 and PostgreSQL alike.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
