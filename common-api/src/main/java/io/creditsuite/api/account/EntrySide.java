package io.creditsuite.api.account;

/** The side of a double-entry leg (借 debit / 贷 credit). */
public enum EntrySide {
    DEBIT, CREDIT
}
