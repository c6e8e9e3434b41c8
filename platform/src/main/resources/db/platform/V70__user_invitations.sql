-- Users managed from the product (issue 16): the console creates a tenant's first admin, tenant admins invite and
-- deactivate their members.
-- An invited account has no password until its invitee sets one through the one-time link; until then nobody can
-- sign in with it (NULL never matches, unlike a made-up hash that would still be a password).
ALTER TABLE app_user MODIFY password_hash VARCHAR(255) NULL;
ALTER TABLE app_user ADD COLUMN last_login_at DATETIME(3) NULL;

-- Deactivation is per tenant: the same person may keep working in another tenant they belong to.
ALTER TABLE membership ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE';

-- One-time invitation links. Only the SHA-256 of the token is stored: a copy of the table opens no account.
-- used_at makes a link single use; a re-issued link revokes the previous ones (revoked_at).
CREATE TABLE user_invitation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    used_at     DATETIME(3)  NULL,
    revoked_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_user_invitation_token (token_hash),
    CONSTRAINT fk_user_invitation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_invitation_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_user_invitation_user ON user_invitation (user_id, tenant_id);
