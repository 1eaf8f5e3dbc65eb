package io.creditsuite.account.domain;

/** Only an ACTIVE account takes postings. */
public enum AccountState {
    ACTIVE, FROZEN, CLOSED
}
