package io.creditsuite.api.lending;

import java.io.Serializable;

public record LendingPartnerView(String partnerId, String name, String currency, long fundingAccountId,
                                 long interestIncomeAccountId, long registeredAtEpochMillis) implements Serializable {
}
