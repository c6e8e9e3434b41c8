-- Per-tenant EspoCRM connection (CRM mode ESPOCRM) and the state of its replica sync.
-- Secrets (API key, HMAC secret, webhook secrets) are AES-GCM encrypted with max.secrets.key (base64 of the
-- nonce + ciphertext); they are never stored or logged in clear.

CREATE TABLE crm_connection (
    tenant_id         BIGINT        NOT NULL,
    base_url          VARCHAR(500)  NOT NULL,
    auth_mode         VARCHAR(10)   NOT NULL,
    hmac_digest       VARCHAR(10)   NOT NULL DEFAULT 'HEX',
    api_key_enc       VARCHAR(1000) NOT NULL,
    secret_key_enc    VARCHAR(1000) NULL,
    custom_prefix     BOOLEAN       NOT NULL DEFAULT TRUE,
    hook_key          VARCHAR(40)   NOT NULL,
    updated_at        TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (tenant_id),
    UNIQUE KEY uq_crm_connection_hook_key (hook_key),
    CONSTRAINT fk_crm_connection_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per webhook registered in the tenant's EspoCRM (each has its own id and secret key there).
CREATE TABLE crm_webhook (
    tenant_id         BIGINT        NOT NULL,
    espo_webhook_id   VARCHAR(36)   NOT NULL,
    event             VARCHAR(100)  NOT NULL,
    secret_enc        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, espo_webhook_id),
    CONSTRAINT fk_crm_webhook_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE crm_sync_status (
    tenant_id          BIGINT        NOT NULL,
    entity_type        VARCHAR(40)   NOT NULL,
    cursor_modified_at TIMESTAMP     NULL,
    last_success_at    TIMESTAMP     NULL,
    last_attempt_at    TIMESTAMP     NULL,
    last_error         VARCHAR(1000) NULL,
    records_synced     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, entity_type),
    CONSTRAINT fk_crm_sync_status_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
