package io.creditsuite.credit.domain.lending;

/**
 * What a loan draws: {@code amountMinor > 0} in {@code currency} on the path of product node {@code productNodeId}
 * of line {@code lineId}, held by {@code customerId}; paid out to {@code payeeAccount} (outside the ledger).
 */
public record LoanTerms(String customerId, String lineId, long productNodeId, long amountMinor, String currency,
                        String payeeAccount) {
    public LoanTerms {
        if (amountMinor <= 0) {
            throw new LendingRejection(LendingRejection.Reason.AMOUNT_INVALID, "a loan's amount must be > 0, got "
                    + amountMinor);
        }
    }
}
