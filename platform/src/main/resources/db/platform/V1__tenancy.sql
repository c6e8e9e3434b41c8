-- M.A.X. platform schema: tenants, users and their memberships.
-- Every tenant-owned table carries tenant_id and is only queried through TenantScope.

CREATE TABLE tenant (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    slug        VARCHAR(40)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    plan        VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE',
    crm_mode    VARCHAR(20)  NOT NULL DEFAULT 'EMBEDDED',
    crm_schema  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_tenant_slug (slug),
    UNIQUE KEY uq_tenant_crm_schema (crm_schema)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE tenant_add_on (
    tenant_id   BIGINT      NOT NULL,
    add_on      VARCHAR(40) NOT NULL,
    PRIMARY KEY (tenant_id, add_on),
    CONSTRAINT fk_add_on_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE app_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    email           VARCHAR(190) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    platform_admin  BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    locale          VARCHAR(8)   NOT NULL DEFAULT 'fr',
    created_at      TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_app_user_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE membership (
    tenant_id   BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    role        VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT fk_membership_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_membership_user ON membership (user_id);
