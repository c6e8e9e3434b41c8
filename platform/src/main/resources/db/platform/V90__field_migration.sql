-- MAX Fields Rebuild (SPEC §8): migration projects of a tenant's CRM schema. Tenant-owned: only through TenantScope.
-- A project is the diff of a brain's field plan against the live schema, frozen when proposed (project_json); it is
-- applied step by step, each step's state committed before the next one starts, so that a crash mid-way leaves a
-- record of what was applied and start-up reverses it (MariaDB DDL is not transactional).

CREATE TABLE field_migration (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id              BIGINT        NOT NULL,
    brain_id               VARCHAR(64)   NOT NULL,
    brain_name             VARCHAR(190)  NOT NULL,
    target                 VARCHAR(20)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    project_json           MEDIUMTEXT    NOT NULL,
    field_count            INT           NOT NULL,
    confirmed_field_count  INT           NULL,
    draft_id               BIGINT        NULL,
    action_log_id          BIGINT        NULL,
    error_json             VARCHAR(1000) NULL,
    backup_csv             LONGTEXT      NULL,
    created_by             VARCHAR(190)  NOT NULL,
    created_at             TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    applied_at             TIMESTAMP     NULL,
    undone_at              TIMESTAMP     NULL,
    -- written every few seconds by the node applying the project: a project APPLYING whose heartbeat stopped was
    -- interrupted (crash, kill) and is reversed by the recovery job, whatever node runs it
    heartbeat_at           TIMESTAMP     NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_field_migration_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_field_migration_tenant ON field_migration (tenant_id, id);
CREATE INDEX idx_field_migration_status ON field_migration (status);

CREATE TABLE field_migration_step (
    tenant_id     BIGINT        NOT NULL,
    migration_id  BIGINT        NOT NULL,
    idx           INT           NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    entity_type   VARCHAR(100)  NOT NULL,
    name          VARCHAR(140)  NOT NULL,
    command       MEDIUMTEXT    NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    error_json    VARCHAR(1000) NULL,
    PRIMARY KEY (migration_id, idx),
    CONSTRAINT fk_field_migration_step FOREIGN KEY (migration_id) REFERENCES field_migration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_field_migration_step_tenant ON field_migration_step (tenant_id, migration_id);
