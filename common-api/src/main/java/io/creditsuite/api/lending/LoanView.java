package io.creditsuite.api.lending;

import java.io.Serializable;

/**
 * Guarantees: {@code principalOutstandingMinor = amountMinor - repaidPrincipalMinor} once disbursed (0 before, and
 * for a refused loan); {@code refusal} is set only when {@code status = REFUSED}.
 *
 * @param status  a {@link LoanStatus} name (a string: views travel in lists, see {@code LimitNodeView})
 * @param refusal a {@link DrawdownRefusal} name, or null
 * @param xid     the Seata global transaction of the drawdown
 */
public record LoanView(String loanId, String partnerId, String customerId, String lineId, long productNodeId,
                       long amountMinor, String currency, String payeeAccount, String status, String refusal,
                       long principalOutstandingMinor, long repaidPrincipalMinor, String xid,
                       long createdAtEpochMillis, Long disbursedAtEpochMillis) implements Serializable {
}
