-- Platform-wide state of each brain, shared by every node of the cluster (not tenant-owned): a platform admin's
-- "disable" hides the brain from every tenant on every node. One row per brain ever switched; no row = enabled.

CREATE TABLE brain_state (
    brain_id    VARCHAR(64)  NOT NULL,
    disabled    BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    changed_by  VARCHAR(190) NULL,
    PRIMARY KEY (brain_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
