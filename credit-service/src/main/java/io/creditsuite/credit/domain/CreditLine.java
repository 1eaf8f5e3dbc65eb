package io.creditsuite.credit.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit line (授信账户) between two parties: the grantor (e.g. a bank, platform or upstream) and the holder
 * who uses it, in one currency, for a term, on an accounting subject (科目).
 *
 * <p>Guarantees: every operation a caller asks of the credit API on the line (hold, release of a hold, use,
 * disbursement, repayment) is taken only when {@code status = ACTIVE} and {@code termStart <= now < termEnd};
 * otherwise it is refused ({@link #ensureUsableAt}) and nothing is written. Two protocol steps are not caller
 * operations and are always taken: (a) TCC phase two (confirm = use, cancel = release) of a try that was accepted
 * while the line was usable, because Seata requires phase two to succeed (a refusal would make the TC retry it
 * forever), and (b) the release of an expired hold, which the system does, not a caller. The check that decides is
 * the writer's, under the line row's shared lock in the change's own transaction, so for every caller operation on
 * a line: {@code flow.occurredAt < t} for each status change away from ACTIVE committed at {@code t}.
 */
public record CreditLine(String lineId, String grantorId, String holderId, LimitType limitType, String currency,
                         String subjectId, Instant termStart, Instant termEnd, boolean revolving, BigDecimal rate,
                         LineStatus status, String clearRequestId) {

    /** The longest term a renewal may give a line, counted from its start (a bound that fits every database type). */
    public static final java.time.Duration TERM_MAX = java.time.Duration.ofDays(365L * 50);

    /**
     * Refuses {@code operation} (as the caller would name it: "hold", "use", "repayment", ...) unless the line is
     * ACTIVE and within its term at {@code now}; the message says what is wrong and what to do.
     */
    public void ensureUsableAt(Instant now, String operation) {
        switch (status) {
            case FROZEN -> throw new LimitRejection(LimitRejection.Reason.LINE_FROZEN, "line " + lineId
                    + " is frozen; unfreeze the line, then retry the " + operation + " with the same request id");
            case CLEARED -> throw new LimitRejection(LimitRejection.Reason.LINE_CLEARED, "line " + lineId
                    + " is cleared; restore the line, then retry the " + operation + " with the same request id");
            case ACTIVE -> {
            }
        }
        if (now.isBefore(termStart)) {
            throw new LimitRejection(LimitRejection.Reason.LINE_EXPIRED, "line " + lineId + " runs from " + termStart
                    + " to " + termEnd + "; retry the " + operation + " with the same request id once its term has begun");
        }
        if (!now.isBefore(termEnd)) {
            throw new LimitRejection(LimitRejection.Reason.LINE_EXPIRED, "line " + lineId + " expired at " + termEnd
                    + "; an expired line takes no " + operation + ": renew the line's term, then retry the " + operation
                    + " with the same request id");
        }
    }

    public CreditLine withStatus(LineStatus newStatus, String newClearRequestId) {
        return new CreditLine(lineId, grantorId, holderId, limitType, currency, subjectId, termStart, termEnd, revolving,
                rate, newStatus, newClearRequestId);
    }

    public CreditLine withRate(BigDecimal newRate) {
        return new CreditLine(lineId, grantorId, holderId, limitType, currency, subjectId, termStart, termEnd, revolving,
                newRate, status, clearRequestId);
    }

    /** The line with its term renewed (续期) to end at {@code newTermEnd}; nothing else changes. */
    public CreditLine withTermEnd(Instant newTermEnd) {
        return new CreditLine(lineId, grantorId, holderId, limitType, currency, subjectId, termStart, newTermEnd,
                revolving, rate, status, clearRequestId);
    }

    /** For the audit log's before and after. */
    public String describe() {
        return "status=" + status + " rate=" + rate.toPlainString() + " term=" + termStart + ".." + termEnd;
    }
}
