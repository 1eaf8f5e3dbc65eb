-- A partner institution (bank, platform, dealer) calling the partner API. scopes: comma-separated PartnerScope names.
CREATE TABLE partner (
  id         VARCHAR(64)  NOT NULL,
  name       VARCHAR(200) NOT NULL,
  status     VARCHAR(16)  NOT NULL,
  scopes     VARCHAR(400) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
