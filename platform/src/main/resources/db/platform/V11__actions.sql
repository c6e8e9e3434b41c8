-- Action pipeline (issue 4): modes per user, the action log (which also holds the idempotency keys) and drafts.

CREATE TABLE user_mode (
    tenant_id   BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    mode        VARCHAR(20) NOT NULL,
    PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT fk_user_mode_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per executed (or attempted) action. The unique idempotency key makes a replayed request find the first
-- row and return its outcome; rows are kept (far beyond the 24 h the spec asks for) as the audit trail.
CREATE TABLE action_log (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    idempotency_key  VARCHAR(100)  NOT NULL,
    action_id        VARCHAR(60)   NOT NULL,
    action_kind      VARCHAR(20)   NOT NULL,
    user_id          BIGINT        NOT NULL,
    user_name        VARCHAR(120)  NOT NULL,
    mode             VARCHAR(20)   NOT NULL,
    summary          VARCHAR(500)  NOT NULL,
    target_type      VARCHAR(40)   NULL,
    target_id        VARCHAR(40)   NULL,
    cost             INT           NOT NULL DEFAULT 0,
    reservation_id   BIGINT        NULL,
    status           VARCHAR(20)   NOT NULL,
    reason           VARCHAR(500)  NULL,
    result_json      MEDIUMTEXT    NULL,
    writes_json      MEDIUMTEXT    NULL,
    draft_id         BIGINT        NULL,
    started_at       DATETIME(3)  NOT NULL,
    duration_ms      BIGINT        NULL,
    undone_at        DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_action_log_key (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_action_log_tenant ON action_log (tenant_id, started_at);

CREATE TABLE action_draft (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id     BIGINT        NOT NULL,
    action_id     VARCHAR(60)   NOT NULL,
    params_json   MEDIUMTEXT    NOT NULL,
    summary       VARCHAR(500)  NOT NULL,
    reason        VARCHAR(255)  NOT NULL,
    quoted_cost   INT           NOT NULL,
    created_by    BIGINT        NOT NULL,
    created_by_name VARCHAR(120) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    decided_by    BIGINT        NULL,
    decided_at    DATETIME(3)  NULL,
    action_log_id BIGINT        NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_action_draft_tenant ON action_draft (tenant_id, status);
