package io.creditsuite.api.lending;

import java.io.Serializable;

/**
 * @param fundingAccountId        the lender's funding account (ASSET, e.g. its settlement account at the bank):
 *                                every drawdown of the partner's customers lowers it, repayments raise it
 * @param interestIncomeAccountId the lender's interest income account (INCOME)
 */
public record RegisterLendingPartnerRequest(String partnerId, String name, String currency, long fundingAccountId,
                                            long interestIncomeAccountId) implements Serializable {
}
