package io.creditsuite.credit.domain;

/** Where a credit customer (授信客户) comes from. */
public enum CustomerSource {
    PLATFORM, BANK, ENTERPRISE, DEALER
}
