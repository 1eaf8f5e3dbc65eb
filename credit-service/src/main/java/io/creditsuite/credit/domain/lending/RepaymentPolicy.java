package io.creditsuite.credit.domain.lending;

/**
 * Whether a new repayment fits its loan, counting the repayments still in flight (recorded, not yet settled).
 *
 * <p>Guarantee: accepted {@code <=> status = ACTIVE ∧ 0 < p ∧ p + inFlight <= amount - repaidPrincipal}, where
 * {@code inFlight} is the principal of the loan's PENDING repayments. Checked under the loan's row lock, so the
 * repayments that can ever settle never sum past the principal outstanding (no loan is repaid twice over).
 */
public final class RepaymentPolicy {
    private RepaymentPolicy() {
    }

    public static void check(Loan loan, long inFlightPrincipalMinor, long principalMinor) {
        if (loan.status() != LoanState.ACTIVE) {
            throw new LendingRejection(LendingRejection.Reason.LOAN_STATE_CONFLICT, "loan " + loan.loanId() + " is "
                    + loan.status() + "; only an ACTIVE loan takes repayments");
        }
        if (principalMinor <= 0) {
            throw new LendingRejection(LendingRejection.Reason.AMOUNT_INVALID, "principal must be > 0, got "
                    + principalMinor);
        }
        if (inFlightPrincipalMinor < 0) {
            throw new IllegalArgumentException("in-flight principal " + inFlightPrincipalMinor + " < 0");
        }
        // outstanding >= 0 and inFlight >= 0, so the subtraction cannot overflow and a negative room refuses all
        long room = loan.principalOutstandingMinor() - inFlightPrincipalMinor;
        if (principalMinor > room) {
            throw new LendingRejection(LendingRejection.Reason.REPAYMENT_EXCEEDS_OUTSTANDING, "loan " + loan.loanId()
                    + " has " + loan.principalOutstandingMinor() + " outstanding, " + inFlightPrincipalMinor
                    + " of it in repayments still in flight; a repayment of " + principalMinor + " does not fit");
        }
    }
}
