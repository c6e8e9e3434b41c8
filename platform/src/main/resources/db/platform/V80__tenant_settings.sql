-- Tenant settings beside the EspoCRM connection (crm_connection): the n8n instance, the AI model provider, the SMTP
-- server and the consent rules, one row per tenant and group ("slot"). The plain values are a small JSON object;
-- the group's one secret (API key or password) is AES-GCM encrypted with max.secrets.key, never stored in clear.
CREATE TABLE tenant_setting (
    tenant_id      BIGINT        NOT NULL,
    slot           VARCHAR(20)   NOT NULL,
    values_json    VARCHAR(4000) NOT NULL,
    secret_enc     VARCHAR(1000) NULL,
    secret_set_at  TIMESTAMP     NULL,
    updated_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (tenant_id, slot),
    CONSTRAINT fk_tenant_setting_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
