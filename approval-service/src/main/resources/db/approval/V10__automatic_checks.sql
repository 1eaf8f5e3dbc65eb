-- The automatic checks (issue 12): the blacklist, versioned risk-rule sets and scorecards, and the audit of every
-- change to them. Expressions are Aviator predicates over the facts named in CheckRun.facts (money in long minor
-- units). A published version is never edited: a new version supersedes it. At most one version of each is ACTIVE
-- (active_flag is 1 for the ACTIVE row, NULL otherwise, and unique).

CREATE TABLE blacklist_entry (
    entry_id   VARCHAR(32)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL COMMENT 'ID_CARD, USCC, PHONE or NAME (stored normalised)',
    value      VARCHAR(128) NOT NULL,
    reason     VARCHAR(256) NOT NULL,
    active     TINYINT      NOT NULL DEFAULT 1,
    created_by VARCHAR(64)  NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (entry_id),
    KEY ix_blacklist_value (kind, value, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE check_rule_set (
    version      VARCHAR(32) NOT NULL,
    status       VARCHAR(16) NOT NULL COMMENT 'ACTIVE or SUPERSEDED',
    active_flag  TINYINT GENERATED ALWAYS AS (CASE WHEN status = 'ACTIVE' THEN 1 END) STORED,
    published_by VARCHAR(64) NOT NULL,
    published_at DATETIME(3) NOT NULL,
    PRIMARY KEY (version),
    UNIQUE KEY uk_rule_set_active (active_flag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE check_rule (
    version     VARCHAR(32)  NOT NULL,
    seq         INT          NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    description VARCHAR(256) NOT NULL,
    expression  VARCHAR(1024) NOT NULL,
    outcome     VARCHAR(8)   NOT NULL COMMENT 'REJECT or REVIEW',
    PRIMARY KEY (version, seq),
    UNIQUE KEY uk_rule_code (version, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE check_scorecard (
    version           VARCHAR(32) NOT NULL,
    status            VARCHAR(16) NOT NULL COMMENT 'ACTIVE or SUPERSEDED',
    active_flag       TINYINT GENERATED ALWAYS AS (CASE WHEN status = 'ACTIVE' THEN 1 END) STORED,
    base_score        INT         NOT NULL,
    reject_cutoff     INT         NOT NULL,
    fast_track_cutoff INT         NOT NULL,
    published_by      VARCHAR(64) NOT NULL,
    published_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (version),
    UNIQUE KEY uk_scorecard_active (active_flag),
    CONSTRAINT ck_scorecard_cutoffs CHECK (reject_cutoff <= fast_track_cutoff)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- characteristics in order of first appearance (char_seq), bins in order within one (bin_seq): the first bin whose
-- predicate holds gives the points
CREATE TABLE check_scorecard_bin (
    version        VARCHAR(32)   NOT NULL,
    char_seq       INT           NOT NULL,
    characteristic VARCHAR(64)   NOT NULL,
    bin_seq        INT           NOT NULL,
    label          VARCHAR(64)   NOT NULL,
    predicate      VARCHAR(1024) NOT NULL,
    points         INT           NOT NULL,
    PRIMARY KEY (version, char_seq, bin_seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every change of a blacklist entry, rule set or scorecard: who, when, what, before and after (JSON).
CREATE TABLE approval_audit (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    at          DATETIME(3) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    entity      VARCHAR(32) NOT NULL COMMENT 'BLACKLIST_ENTRY, RULE_SET or SCORECARD',
    entity_id   VARCHAR(64) NOT NULL,
    action      VARCHAR(32) NOT NULL,
    before_json MEDIUMTEXT  NULL,
    after_json  MEDIUMTEXT  NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity, entity_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The first versions, published by the migration itself.
INSERT INTO check_rule_set (version, status, published_by, published_at) VALUES ('R1', 'ACTIVE', 'flyway', '2026-12-03 00:00:00');
INSERT INTO check_rule (version, seq, code, description, expression, outcome) VALUES
  ('R1', 1, 'R-AGE-MIN', 'the applicant is under 18', 'age != nil && age < 18', 'REJECT'),
  ('R1', 2, 'R-AGE-MAX', 'the applicant is over 65', 'age != nil && age > 65', 'REVIEW'),
  ('R1', 3, 'R-REVENUE', 'the request is more than half the declared annual revenue',
   'requestedMinor * 2 > declaredAnnualRevenueMinor', 'REVIEW'),
  ('R1', 4, 'R-EXPOSURE', 'existing exposure plus the request exceed 5,000,000.00',
   'existingExposureMinor + requestedMinor > 500000000', 'REVIEW'),
  ('R1', 5, 'R-INDUSTRY', 'a high-risk industry', 'industry == ''CRYPTO'' || industry == ''GAMBLING''', 'REJECT');

INSERT INTO check_scorecard (version, status, base_score, reject_cutoff, fast_track_cutoff, published_by, published_at)
VALUES ('S1', 'ACTIVE', 600, 550, 700, 'flyway', '2026-12-03 00:00:00');
INSERT INTO check_scorecard_bin (version, char_seq, characteristic, bin_seq, label, predicate, points) VALUES
  ('S1', 1, 'AGE', 1, 'organisation', 'age == nil', 20),
  ('S1', 1, 'AGE', 2, '[18, 25)', 'age < 25', -20),
  ('S1', 1, 'AGE', 3, '[25, 35)', 'age < 35', 10),
  ('S1', 1, 'AGE', 4, '[35, 55)', 'age < 55', 30),
  ('S1', 1, 'AGE', 5, '55 and over', 'true', 0),
  ('S1', 2, 'REVENUE', 1, '>= 1,000,000.00', 'declaredAnnualRevenueMinor >= 100000000', 60),
  ('S1', 2, 'REVENUE', 2, '>= 200,000.00', 'declaredAnnualRevenueMinor >= 20000000', 30),
  ('S1', 2, 'REVENUE', 3, '>= 50,000.00', 'declaredAnnualRevenueMinor >= 5000000', 10),
  ('S1', 2, 'REVENUE', 4, '< 50,000.00', 'true', -30),
  ('S1', 3, 'LEVERAGE', 1, 'no revenue', 'declaredAnnualRevenueMinor == 0', -80),
  ('S1', 3, 'LEVERAGE', 2, '<= 10% of revenue', 'requestedMinor * 10 <= declaredAnnualRevenueMinor', 40),
  ('S1', 3, 'LEVERAGE', 3, '<= 33% of revenue', 'requestedMinor * 3 <= declaredAnnualRevenueMinor', 10),
  ('S1', 3, 'LEVERAGE', 4, '> 33% of revenue', 'true', -40),
  ('S1', 4, 'TERM', 1, '<= 12 months', 'termMonths <= 12', 10),
  ('S1', 4, 'TERM', 2, '<= 36 months', 'termMonths <= 36', 0),
  ('S1', 4, 'TERM', 3, '> 36 months', 'true', -20),
  ('S1', 5, 'INDUSTRY', 1, 'manufacturing or retail', 'industry == ''MANUFACTURING'' || industry == ''RETAIL''', 20),
  ('S1', 5, 'INDUSTRY', 2, 'not declared', 'industry == nil', -10),
  ('S1', 5, 'INDUSTRY', 3, 'other', 'true', 0);

INSERT INTO blacklist_entry (entry_id, kind, value, reason, active, created_by, created_at) VALUES
  ('BL-1', 'ID_CARD', '11010519491231002X', 'confirmed identity fraud', 1, 'flyway', '2026-12-03 00:00:00'),
  ('BL-2', 'PHONE', '13900000000', 'fraud ring contact', 1, 'flyway', '2026-12-03 00:00:00'),
  ('BL-3', 'NAME', 'badactorco', 'sanctioned organisation', 1, 'flyway', '2026-12-03 00:00:00');
