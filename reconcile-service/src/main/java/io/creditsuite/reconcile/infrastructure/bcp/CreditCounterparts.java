package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.api.credit.CreditStateService;
import io.creditsuite.api.credit.HoldStateView;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.reconcile.application.realtime.Counterparts.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * credit-service as the source of truth of its own events (holds, loans, repayments), asked by id alone for the
 * current state ({@link CreditStateService}), never for an event's image. Each answer:
 * <pre>
 *   PRESENT  the fact exists now: its event is late, not lost
 *   PENDING  the fact does not exist yet and may still legitimately come: now &lt; deadline + grace
 *   ABSENT   it does not exist and no longer may (deadline + grace passed, or the state excludes it)
 * </pre>
 * where the deadline is a hold's expiry, or the time of the side that did come (a TCC try's hold, a loan still
 * PENDING, a repayment the ledger posted that credit has not applied yet). The loan id is read from the side that came
 * ({@code loanId}, a transfer {@code LOAN-<loanId>}, a hold {@code loan:<loanId>}, a voucher {@code LOAN-<loanId>-R-n}).
 */
final class CreditCounterparts {
    /** A loan whose drawdown committed: the hold was used (in transit) and the loan event told. */
    private static final Set<String> COMMITTED = Set.of("DISBURSING", "ACTIVE", "REPAID");

    private final CreditStateService credit;
    private final Clock clock;
    private final Duration grace;

    CreditCounterparts(CreditStateService credit, Clock clock, Duration grace) {
        this.credit = credit;
        this.clock = clock;
        this.grace = grace;
    }

    /** CREDIT_HOLD_FROZEN missing behind a use, release or expiry: the hold exists (or HOLD_UNKNOWN, 404: absent). */
    Answer holdFrozen(String holdId) {
        credit.hold(holdId);
        return Answer.PRESENT;
    }

    /**
     * A hold's use, release or expiry missing behind its FROZEN: something moved out of what was frozen means a
     * settlement happened and its event is late; all of it still frozen is legitimate until the hold's expiry plus
     * the grace (a caller's hold without expiry: for as long as the caller wants), or for a TCC try's hold until the
     * grace after it was frozen (the global transaction's timeout and phase two).
     */
    Answer holdSettled(String holdId, Map<String, Object> frozen) {
        HoldStateView hold = credit.hold(holdId);
        if (hold.frozenMinor() == 0
                || frozen.get("creditMinor") instanceof Number froze && hold.frozenMinor() < froze.longValue()) {
            return Answer.PRESENT;
        }
        if (hold.expiresAtEpochMillis() != null) {
            return untilGraceAfter(Instant.ofEpochMilli(hold.expiresAtEpochMillis()));
        }
        return hold.tccXid() != null ? untilGraceAfter(occurredAt(frozen)) : Answer.PENDING;
    }

    /** LOAN_DRAWDOWN_COMMITTED (or the hold's TCC-confirm USE) missing: the loan's status now. */
    Answer drawdownCommitted(Map<String, Object> present) {
        String loanId = loanId(present);
        if (loanId == null) {
            return Answer.NO_SOURCE;
        }
        String status = credit.loan(loanId).status();
        if (COMMITTED.contains(status)) {
            return Answer.PRESENT;
        }
        return "PENDING".equals(status) ? untilGraceAfter(occurredAt(present)) : Answer.ABSENT;
    }

    /**
     * LOAN_REPAID (or its CREDIT_HOLD_RETURNED) missing: the loan's applied repayments now, matched by the repayment
     * id, the voucher, or the credit flow's request id {@code repay:<repaymentId>} of the side that came.
     */
    Answer repaid(Map<String, Object> present) {
        String loanId = loanId(present);
        if (loanId == null) {
            return Answer.NO_SOURCE;
        }
        Object repaymentId = present.get("repaymentId");
        Object voucherNo = present.get("voucherNo");
        Object requestId = present.get("requestId");
        boolean applied = credit.repayments(loanId).stream().anyMatch(r -> r.repaymentId().equals(repaymentId)
                || r.voucherNo().equals(voucherNo) || ("repay:" + r.repaymentId()).equals(requestId));
        return applied ? Answer.PRESENT : untilGraceAfter(occurredAt(present));
    }

    private Answer untilGraceAfter(Instant deadline) {
        return clock.instant().isBefore(deadline.plus(grace)) ? Answer.PENDING : Answer.ABSENT;
    }

    /** The side's time; now when it cannot be read, so an unreadable time never raises anything early. */
    private Instant occurredAt(Map<String, Object> side) {
        try {
            return side.get("occurredAt") instanceof String at ? Instant.parse(at) : clock.instant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    static String loanId(Map<String, Object> side) {
        if (side.get("loanId") instanceof String id) {
            return id;
        }
        if (side.get("transferId") instanceof String t && t.startsWith("LOAN-")) {
            return t.substring("LOAN-".length());
        }
        if (side.get("holdId") instanceof String h && h.startsWith("loan:")) {
            return h.substring("loan:".length());
        }
        if (side.get("voucherNo") instanceof String v && v.startsWith("LOAN-") && v.lastIndexOf("-R-") > 5) {
            return v.substring("LOAN-".length(), v.lastIndexOf("-R-"));
        }
        return null;
    }
}
