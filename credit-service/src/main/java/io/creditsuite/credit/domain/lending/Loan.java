package io.creditsuite.credit.domain.lending;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A loan (贷款) drawn by a partner's customer; credit-service owns it and begins its drawdown's global transaction.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code 0 <= repaidPrincipal <= amount};</li>
 *   <li>{@code principalOutstanding = amount - repaidPrincipal} once disbursed (ACTIVE, REPAID), {@code 0} before
 *       and for a refused loan;</li>
 *   <li>{@code status = REPAID <=> disbursed ∧ repaidPrincipal = amount};</li>
 *   <li>status moves only PENDING -> DISBURSING -> ACTIVE -> REPAID, or PENDING -> REFUSED ({@link LoanState#mayBecome});</li>
 *   <li>{@code refusal != null <=> status = REFUSED}.</li>
 * </ul>
 * Times are kept to the millisecond, as stored. Its credit hold is {@link #holdIdOf(String) loan:<loanId>} (a caller's request id cannot contain ':', so no caller
 * can open or move it) and its funding transfer in the ledger is {@link #transferIdOf(String) LOAN-<loanId>}.
 */
public record Loan(String loanId, PartnerRequest origin, LoanTerms terms, LoanState status, Refusal refusal,
                   long repaidPrincipalMinor, String xid, Instant createdAt, Instant disbursedAt) {

    private static final String TRANSFER_PREFIX = "LOAN-";

    public Loan {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (repaidPrincipalMinor < 0 || repaidPrincipalMinor > terms.amountMinor()) {
            throw new IllegalArgumentException("loan " + loanId + ": repaid " + repaidPrincipalMinor + " outside 0.."
                    + terms.amountMinor());
        }
        if ((refusal != null) != (status == LoanState.REFUSED)) {
            throw new IllegalArgumentException("loan " + loanId + ": a refusal goes with status REFUSED only");
        }
    }

    /** A new loan, before its global transaction begins. */
    public static Loan pending(String loanId, PartnerRequest origin, LoanTerms terms, Instant createdAt) {
        return new Loan(loanId, origin, terms, LoanState.PENDING, null, 0, null, createdAt.truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    public static String holdIdOf(String loanId) {
        return "loan:" + loanId;
    }

    public static String transferIdOf(String loanId) {
        return TRANSFER_PREFIX + loanId;
    }

    /** The loan id of a funding transfer id ({@code LOAN-<loanId>}), or null for a transfer that is no loan's. */
    public static String loanIdOfTransfer(String transferId) {
        if (transferId == null || !transferId.startsWith(TRANSFER_PREFIX) || transferId.length() == TRANSFER_PREFIX.length()) {
            return null;
        }
        return transferId.substring(TRANSFER_PREFIX.length());
    }

    public String holdId() {
        return holdIdOf(loanId);
    }

    public String transferId() {
        return transferIdOf(loanId);
    }

    /** Credit's disbursement of the hold (in transit -> in use), in the derived namespace (':' is not a caller's). */
    public String disburseRequestId() {
        return "disburse:" + loanId;
    }

    public String partnerId() {
        return origin.partnerId();
    }

    public String customerId() {
        return terms.customerId();
    }

    public long amountMinor() {
        return terms.amountMinor();
    }

    public boolean disbursed() {
        return status == LoanState.ACTIVE || status == LoanState.REPAID;
    }

    /** {@code amount - repaidPrincipal} once disbursed, else 0. */
    public long principalOutstandingMinor() {
        return disbursed() ? terms.amountMinor() - repaidPrincipalMinor : 0;
    }

    /** The global transaction that carries the drawdown, recorded as soon as it began. */
    public Loan inTransaction(String newXid) {
        require(LoanState.PENDING, "join a global transaction");
        return new Loan(loanId, origin, terms, status, null, repaidPrincipalMinor, newXid, createdAt, null);
    }

    /** The global transaction committed: the limit is in transit, the ledger pays out. */
    public Loan committed() {
        return moveTo(LoanState.DISBURSING, null, repaidPrincipalMinor, null);
    }

    public Loan refused(Refusal why) {
        return moveTo(LoanState.REFUSED, Objects.requireNonNull(why, "why"), repaidPrincipalMinor, null);
    }

    /** The ledger paid out: principal outstanding becomes the amount. */
    public Loan disbursedAt(Instant at) {
        return moveTo(LoanState.ACTIVE, null, 0, Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code repaidPrincipal' = repaidPrincipal + p}, {@code 0 < p <= principalOutstanding}; REPAID at zero. */
    public Loan repaid(long principalMinor) {
        require(LoanState.ACTIVE, "take a repayment");
        if (principalMinor <= 0 || principalMinor > principalOutstandingMinor()) {
            throw new LendingRejection(LendingRejection.Reason.REPAYMENT_EXCEEDS_OUTSTANDING, "loan " + loanId
                    + " has " + principalOutstandingMinor() + " outstanding; a repayment of " + principalMinor
                    + " does not fit");
        }
        long repaid = repaidPrincipalMinor + principalMinor;
        LoanState next = repaid == terms.amountMinor() ? LoanState.REPAID : LoanState.ACTIVE;
        return new Loan(loanId, origin, terms, next, null, repaid, xid, createdAt, disbursedAt);
    }

    private Loan moveTo(LoanState next, Refusal why, long repaid, Instant newDisbursedAt) {
        if (!status.mayBecome(next)) {
            throw new LendingRejection(LendingRejection.Reason.LOAN_STATE_CONFLICT, "loan " + loanId + " is "
                    + status + "; it cannot become " + next);
        }
        return new Loan(loanId, origin, terms, next, why, repaid, xid, createdAt,
                newDisbursedAt == null ? disbursedAt : newDisbursedAt);
    }

    private void require(LoanState expected, String action) {
        if (status != expected) {
            throw new LendingRejection(LendingRejection.Reason.LOAN_STATE_CONFLICT, "loan " + loanId + " is " + status
                    + "; only a " + expected + " loan can " + action);
        }
    }
}
