package io.creditsuite.credit.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit line (授信账户) between two parties: the grantor (e.g. a bank, platform or upstream) and the holder
 * who uses it, in one currency, for a term, on an accounting subject (科目).
 *
 * <p>Guarantees: new holds, uses and disbursements are taken only when {@code status = ACTIVE} and
 * {@code termStart <= now < termEnd}; unfreezing, expiry and returns are always taken, because they only
 * lower exposure (refusing a repayment would keep a limit occupied by money already paid back); a TCC
 * confirm is never refused (its try already passed these checks). The check that decides is the writer's, under
 * the line row's shared lock in the posting's own transaction, so for every hold, use and disbursement of a line:
 * {@code flow.occurredAt < t} for each status change away from ACTIVE committed at {@code t}.
 */
public record CreditLine(String lineId, String grantorId, String holderId, LimitType limitType, String currency,
                         String subjectId, Instant termStart, Instant termEnd, boolean revolving, BigDecimal rate,
                         LineStatus status, String clearRequestId) {

    public void ensureUsableAt(Instant now) {
        switch (status) {
            case FROZEN -> throw new LimitRejection(LimitRejection.Reason.LINE_FROZEN, "line " + lineId + " is frozen");
            case CLEARED -> throw new LimitRejection(LimitRejection.Reason.LINE_CLEARED, "line " + lineId + " is cleared");
            case ACTIVE -> {
            }
        }
        if (now.isBefore(termStart) || !now.isBefore(termEnd)) {
            throw new LimitRejection(LimitRejection.Reason.LINE_EXPIRED,
                    "line " + lineId + " runs from " + termStart + " to " + termEnd + ", not at " + now);
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

    /** For the audit log's before and after. */
    public String describe() {
        return "status=" + status + " rate=" + rate.toPlainString() + " term=" + termStart + ".." + termEnd;
    }
}
