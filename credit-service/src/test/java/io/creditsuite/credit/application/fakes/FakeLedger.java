package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.lending.Ledger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * account-service as lending sees it: loan accounts opened (not idempotent, as the real one), repayments posted at
 * most once per voucher, funding transfers' phases; failures can be scripted.
 */
public final class FakeLedger implements Ledger {
    public final List<Long> openedAccounts = new ArrayList<>();
    public final Map<String, LoanRepayment> posted = new LinkedHashMap<>();
    public final Map<String, PayoutState> payouts = new HashMap<>();
    public int repayCalls;
    /** the next n repayLoan calls do not answer (after posting, when {@link #postBeforeFailing}) */
    public int repayUnavailable;
    public boolean postBeforeFailing;
    /** when set, repayLoan refuses with this code */
    public String refuseRepaymentWith;
    /** the next n openLoanAccount calls open an account and then lose the answer */
    public int openAnswersLost;
    private long nextAccount = 5000;

    @Override
    public synchronized long openLoanAccount(String ownerId, String currency) {
        long id = nextAccount++;
        openedAccounts.add(id);
        if (openAnswersLost > 0) {
            openAnswersLost--;
            throw new LedgerUnavailable("the answer of openAccount was lost", null);
        }
        return id;
    }

    @Override
    public synchronized RepayAnswer repayLoan(LoanRepayment repayment) {
        repayCalls++;
        if (refuseRepaymentWith != null) {
            return RepayAnswer.refused(refuseRepaymentWith, "account refused");
        }
        if (repayUnavailable > 0) {
            repayUnavailable--;
            if (postBeforeFailing) {
                posted.putIfAbsent(repayment.voucherNo(), repayment);
            }
            throw new LedgerUnavailable("the ledger did not answer", null);
        }
        LoanRepayment earlier = posted.putIfAbsent(repayment.voucherNo(), repayment);
        if (earlier != null && !earlier.equals(repayment)) {
            return RepayAnswer.refused("VOUCHER_REUSED", "voucher " + repayment.voucherNo());
        }
        return RepayAnswer.wasPosted();
    }

    @Override
    public synchronized PayoutState payout(String transferId) {
        return payouts.getOrDefault(transferId, PayoutState.NOT_FOUND);
    }

    /** Principal the ledger moved back to the funding account, over every voucher. */
    public synchronized long principalPosted() {
        return posted.values().stream().mapToLong(LoanRepayment::principalMinor).sum();
    }
}
