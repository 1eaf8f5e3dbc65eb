package io.creditsuite.api.credit;

/** Where a credit customer comes from. */
public enum CustomerSource { PLATFORM, BANK, ENTERPRISE, DEALER }
