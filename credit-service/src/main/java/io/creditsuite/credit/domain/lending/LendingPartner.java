package io.creditsuite.credit.domain.lending;

import java.time.Instant;

/**
 * The lending side of a partner: its loans are paid out of {@code fundingAccountId} (an ASSET account in the ledger)
 * and repaid into it; interest goes to {@code interestIncomeAccountId} (INCOME); all in {@code currency}.
 */
public record LendingPartner(String partnerId, String name, String currency, long fundingAccountId,
                             long interestIncomeAccountId, Instant registeredAt) {

    /** The same settings (the registration time aside): a repeated registration is a retry. */
    public boolean sameSettingsAs(LendingPartner other) {
        return partnerId.equals(other.partnerId) && name.equals(other.name) && currency.equals(other.currency)
                && fundingAccountId == other.fundingAccountId && interestIncomeAccountId == other.interestIncomeAccountId;
    }
}
