-- Wallet (issue 4): one hot row per tenant, an append-only ledger, reservations and the per-tenant price table.
--
-- The wallet row counts what was spent in the current period instead of two balances: allowance_tokens is the
-- period's grant (no rollover), pack_tokens the pack tokens available in the period (they roll over), spent the
-- tokens consumed or held in the period. Balance = allowance_tokens + pack_tokens - spent, and spending uses the
-- allowance first by construction (pack tokens are only reached once spent > allowance_tokens). A reservation is
-- then ONE conditional UPDATE of one column, with no split to compute: the hot row is touched by a single
-- statement, last in its transaction.

CREATE TABLE wallet (
    tenant_id         BIGINT   NOT NULL,
    period_start      DATE     NOT NULL,
    allowance_tokens  INT      NOT NULL,
    pack_tokens       INT      NOT NULL DEFAULT 0,
    spent             INT      NOT NULL DEFAULT 0,
    notified_80       BOOLEAN  NOT NULL DEFAULT FALSE,
    notified_100      BOOLEAN  NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_wallet_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Append-only: rows are only ever inserted. SUM(delta) per tenant is the balance.
CREATE TABLE wallet_ledger (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    delta           INT          NOT NULL,
    reservation_id  BIGINT       NULL,
    reason          VARCHAR(255) NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_wallet_ledger_tenant ON wallet_ledger (tenant_id, id);

CREATE TABLE wallet_reservation (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       BIGINT       NOT NULL,
    request_key     VARCHAR(100) NOT NULL,
    amount          INT          NOT NULL,
    period_start    DATE         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    reason          VARCHAR(255) NULL,
    created_at      DATETIME(3) NOT NULL,
    expires_at      DATETIME(3) NOT NULL,
    settled_at      DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_wallet_reservation_key (tenant_id, request_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_wallet_reservation_expiry ON wallet_reservation (status, expires_at);

CREATE TABLE price_entry (
    tenant_id   BIGINT      NOT NULL,
    action_id   VARCHAR(60) NOT NULL,
    tokens      INT         NOT NULL,
    PRIMARY KEY (tenant_id, action_id),
    CONSTRAINT fk_price_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
