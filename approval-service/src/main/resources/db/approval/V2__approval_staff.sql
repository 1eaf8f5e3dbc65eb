-- The staff approval-service knows (local users in the devstack; an identity provider's in production fills the same
-- table): function permissions (roles) and data permissions (region subtree, product lines).
CREATE TABLE approval_staff (
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(128) NOT NULL,
    roles           VARCHAR(256) NOT NULL COMMENT 'StaffRole names, comma separated',
    department_path VARCHAR(128) NOT NULL,
    region_path     VARCHAR(128) NOT NULL,
    product_lines   VARCHAR(256) NOT NULL COMMENT 'comma separated',
    skills          VARCHAR(256) NOT NULL DEFAULT '' COMMENT 'comma separated',
    active          TINYINT      NOT NULL DEFAULT 1,
    PRIMARY KEY (username),
    KEY ix_staff_department (department_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
