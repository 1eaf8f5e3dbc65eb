package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import java.util.List;

/**
 * credit-service's current state, read by id alone, for the suite's own reconciliation (reconcile-service asks it
 * before it calls an event missing). Internal: no partner scope, not exposed by the gateway's partner API. Reads only;
 * each answer is the row as committed now, never an event's image.
 */
public interface CreditStateService {
    /** The hold as it stands now; HOLD_UNKNOWN (404) when there is none. */
    HoldStateView hold(String holdId) throws ApiException;

    /** The loan as it stands now, whichever partner's; LOAN_UNKNOWN (404) when there is none. */
    LoanView loan(String loanId) throws ApiException;

    /** The loan's applied (DONE) repayments, oldest first; LOAN_UNKNOWN (404) when there is no such loan. */
    List<RepaymentView> repayments(String loanId) throws ApiException;
}
