-- db-scheduler's table (docs/decisions/0008): one row per scheduled execution. Recurring jobs (CRM pull, sweepers)
-- have one row each whose execution_time moves forward after every run; a delayed one-time task (automation J+3)
-- is a row until it has run. A node takes a due row with a conditional UPDATE on `version`, so each execution runs
-- on one node of the cluster only, and the rows survive restarts.
-- DATETIME(6), not TIMESTAMP: no session time zone conversion (the scheduler writes UTC,
-- db-scheduler.always-persist-timestamp-in-utc=true) and no implicit ON UPDATE CURRENT_TIMESTAMP on MariaDB.
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100) NOT NULL,
    task_instance         VARCHAR(100) NOT NULL,
    task_data             BLOB         NULL,
    execution_time        DATETIME(6)  NOT NULL,
    picked                BOOLEAN      NOT NULL,
    picked_by             VARCHAR(50)  NULL,
    last_success          DATETIME(6)  NULL,
    last_failure          DATETIME(6)  NULL,
    consecutive_failures  INT          NULL,
    last_heartbeat        DATETIME(6)  NULL,
    version               BIGINT       NOT NULL,
    priority              SMALLINT     NULL,
    PRIMARY KEY (task_name, task_instance)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX idx_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX idx_scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time);
