-- Brains activated per tenant (SPEC §7). Tenant-owned: only queried through TenantScope.
-- A row means "the tenant wants this brain"; what a tenant sees is further filtered by the brains actually
-- loaded and by the tenant's current plan, so a downgrade hides vertical brains without losing the choice.

CREATE TABLE brain_activation (
    tenant_id     BIGINT       NOT NULL,
    brain_id      VARCHAR(64)  NOT NULL,
    activated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    activated_by  VARCHAR(190) NULL,
    PRIMARY KEY (tenant_id, brain_id),
    CONSTRAINT fk_brain_activation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_brain_activation_brain ON brain_activation (brain_id);
