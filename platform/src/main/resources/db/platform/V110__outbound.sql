-- Espace Créa, the sending side (issue 11 B): sends, their per-recipient rows, the links of each message, and the
-- outbox (the embedded adapter: messages stored here, nothing leaves the machine).
--
-- A committed reservation may give back part of its tokens once (a send refunds the recipients it did not reach):
-- partly_refunded is the guard of that single partial refund.
ALTER TABLE wallet_reservation ADD COLUMN partly_refunded INT NOT NULL DEFAULT 0;

CREATE TABLE outbound_send (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    action_log_id    BIGINT        NOT NULL,
    template_id      VARCHAR(17)   NOT NULL,
    template_name    VARCHAR(255)  NOT NULL,
    subject          VARCHAR(255)  NOT NULL,
    body             MEDIUMTEXT    NOT NULL,
    is_html          BOOLEAN       NOT NULL,
    campaign_id      VARCHAR(17)   NULL,
    adapter          VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    units            INT           NOT NULL,
    batches          INT           NOT NULL,
    scheduled_at     DATETIME(3)   NOT NULL,
    created_by_name  VARCHAR(120)  NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    finished_at      DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_outbound_send_action (tenant_id, action_log_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_outbound_send_tenant ON outbound_send (tenant_id, created_at);

-- One row per person of the audience, sent or skipped. The unique key makes the recipient list of a send a set:
-- a resumed batch finds the rows it left and never adds anyone twice. evidence is the consent relied on (or the
-- flag that excluded the person), token the random per-recipient secret of its tracking and unsubscribe links.
CREATE TABLE outbound_recipient (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT        NOT NULL,
    send_id          BIGINT        NOT NULL,
    batch_no         INT           NOT NULL,
    entity_type      VARCHAR(20)   NOT NULL,
    entity_id        VARCHAR(17)   NOT NULL,
    name             VARCHAR(255)  NULL,
    address          VARCHAR(255)  NULL,
    status           VARCHAR(20)   NOT NULL,
    reason           VARCHAR(30)   NULL,
    evidence         VARCHAR(255)  NOT NULL,
    token            VARCHAR(64)   NOT NULL,
    email_id         VARCHAR(17)   NULL,
    logged           BOOLEAN       NOT NULL DEFAULT FALSE,
    claimed_at       DATETIME(3)   NULL,
    sent_at          DATETIME(3)   NULL,
    opened_at        DATETIME(3)   NULL,
    clicked_at       DATETIME(3)   NULL,
    unsubscribed_at  DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_outbound_recipient (tenant_id, send_id, entity_type, entity_id),
    UNIQUE KEY uq_outbound_recipient_token (token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_outbound_recipient_batch ON outbound_recipient (tenant_id, send_id, batch_no, status);

-- The links of a send's message, by number: a click redirects only to a link that was in that message.
CREATE TABLE outbound_link (
    tenant_id   BIGINT         NOT NULL,
    send_id     BIGINT         NOT NULL,
    link_no     INT            NOT NULL,
    url         VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (tenant_id, send_id, link_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The embedded adapter's outbox: one row per delivered message, written by one multi-row insert per batch.
CREATE TABLE outbound_message (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id      BIGINT        NOT NULL,
    send_id        BIGINT        NOT NULL,
    recipient_id   BIGINT        NOT NULL,
    to_address     VARCHAR(255)  NOT NULL,
    subject        VARCHAR(255)  NOT NULL,
    body           MEDIUMTEXT    NOT NULL,
    headers        VARCHAR(2000) NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_outbound_message_recipient (tenant_id, recipient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_outbound_message_send ON outbound_message (tenant_id, send_id, id);
