-- Activity feed: every TenantEvent, stored once its transaction has committed. The id is global and grows with
-- every stored event; per tenant, ids are also delivered in increasing order (the recorder stores and fans out
-- under a per-tenant lock), so it is the SSE event id and the Last-Event-ID resume point.
CREATE TABLE activity_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT        NOT NULL,
    type         VARCHAR(80)   NOT NULL,
    summary      VARCHAR(500)  NOT NULL,
    occurred_at  DATETIME(3)   NOT NULL,
    data         TEXT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_activity_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_activity_event_tenant_id ON activity_event (tenant_id, id);
