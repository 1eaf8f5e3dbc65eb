package io.creditsuite.api.credit;

import java.io.Serializable;

/** {@code amountMinor} of hold {@code holdId} falls due at {@code dueAtEpochMillis}. */
public record RepaymentDueRequest(String requestId, String holdId, long dueAtEpochMillis, long amountMinor,
                                  String currency) implements Serializable {
}
