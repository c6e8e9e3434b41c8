-- Images of Espace Créa (issue 11): what fills a template's [Votre image ici] slots. Stored re-encoded (no
-- metadata) per tenant, erased with it (ON DELETE CASCADE). Recipients fetch them by an unguessable token
-- (/api/public/images/{token}, 256 random bits, base64url): the token is the only key the public link carries.
CREATE TABLE creative_image (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     BIGINT       NOT NULL,
    token         VARCHAR(64)  NOT NULL,
    content_type  VARCHAR(20)  NOT NULL,
    width         INT          NOT NULL,
    height        INT          NOT NULL,
    byte_size     INT          NOT NULL,
    bytes         LONGBLOB     NOT NULL,
    original_name VARCHAR(190) NULL,
    created_by    BIGINT       NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_creative_image_token (token),
    CONSTRAINT fk_creative_image_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_creative_image_tenant ON creative_image (tenant_id, created_at);
