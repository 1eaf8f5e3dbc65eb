package io.creditsuite.api.account;

/** ACTIVE accepts postings; FROZEN (冻结) and CLOSED accept none. */
public enum AccountStatus {
    ACTIVE, FROZEN, CLOSED
}
