package io.creditsuite.api.lending;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * Loans: drawdown (放款) and repayment (还款). A loan moves PENDING -> DISBURSING -> ACTIVE -> REPAID, or
 * PENDING -> REFUSED when its global transaction rolled back (the refusal names the reason; nothing stays frozen).
 */
public interface LendingService {
    /**
     * One Seata global transaction begun by credit-service: credit's try freezes the amount on every node of the
     * product's path, account's try reserves it on the partner's funding account. An expected refusal is a value
     * ({@code outcome = REFUSED}, {@code refusal} names it); malformed input is an {@code ApiException}.
     */
    DrawdownResult drawdown(DrawdownRequest request) throws ApiException;

    /** LOAN_UNKNOWN (404) for an unknown loan and for another partner's. */
    LoanView loan(String partnerId, String loanId) throws ApiException;

    /**
     * The ledger posts the repayment (principal back to the funding account, interest to income) and the limit
     * returns (revolving nodes restore available; non-revolving ones retire it); exactly once per request id.
     */
    RepaymentResult repay(RepaymentRequest request) throws ApiException;

    /** The loan's repayments, oldest first. */
    List<RepaymentView> repayments(String partnerId, String loanId) throws ApiException;
}
