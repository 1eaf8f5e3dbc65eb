package io.creditsuite.account.domain;

/** What an operator asks of an account's status (see {@link AccountStatusPolicy}). */
public enum StatusAction {
    FREEZE, UNFREEZE, CLOSE
}
