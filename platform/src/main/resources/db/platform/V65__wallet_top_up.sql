-- Top-up requests (issue 16): one row per request key, claimed in the same transaction as the credit. A double
-- click or a retried request carries the same key; the primary key lets exactly one of them credit the packs, also
-- when they arrive at the same time on two nodes (the second insert waits for the first and is then ignored).
CREATE TABLE wallet_top_up (
    tenant_id    BIGINT       NOT NULL,
    request_key  VARCHAR(100) NOT NULL,
    packs        INT          NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, request_key),
    CONSTRAINT fk_wallet_top_up_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
