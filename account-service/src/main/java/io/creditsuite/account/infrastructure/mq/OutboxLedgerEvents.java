package io.creditsuite.account.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.domain.LoanRepayment;
import io.creditsuite.account.domain.LoanRepaymentEvents;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferEvents;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.skywalking.apm.toolkit.trace.TraceContext;
import org.springframework.stereotype.Component;

/**
 * The ledger's business facts as outbox rows of topic {@value #TOPIC} (docs/events.md, schema version
 * {@value #SCHEMA_VERSION}): a TCC transfer branch's phase two, in its own transaction, and a loan repayment's
 * posting, in the writer's transaction.
 *
 * <p>Repayment: KEYS = the voucher; ordering key = the loan account id (the customer's loan receivable).
 *
 * <p>Transfers: KEYS = {@code <transferId>-<direction>} (one branch: its confirm or its cancel, never both). Ordering key = the
 * contra account id: the ledger does not know customers, and in a loan transfer the contra account is the side that
 * stands for the customer's loan (one customer's branches on one contra account stay in order; a consumer that needs
 * order across accounts must order by {@code occurredAt} and the accounts' chains, not by arrival).
 */
@Component
class OutboxLedgerEvents implements TransferEvents, LoanRepaymentEvents {
    static final String TOPIC = "CS_LEDGER_EVENTS";
    static final int SCHEMA_VERSION = 1;
    static final String CONFIRMED = "LEDGER_TRANSFER_CONFIRMED";
    static final String CANCELLED = "LEDGER_TRANSFER_CANCELLED";
    static final String LOAN_REPAID = "LEDGER_LOAN_REPAID";

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    OutboxLedgerEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The JSON body of both event types, schema version 1. */
    record Payload(String transferId, String direction, long accountId, long contraAccountId, long amountMinor,
                   String currency, String voucherNo, String accountingDate, String xid, String occurredAt,
                   String traceId) {
    }

    /** The JSON body of LEDGER_LOAN_REPAID, schema version 1; {@code interestIncomeAccountId} 0 without interest. */
    record RepaymentPayload(String voucherNo, long clearingAccountId, long loanAccountId, long interestIncomeAccountId,
                            long principalMinor, long interestMinor, String currency, String accountingDate,
                            String occurredAt, String traceId) {
    }

    @Override
    public void repaid(LoanRepayment r, LocalDate accountingDate, String traceId) {
        String trace = traceId != null && !traceId.isBlank() ? traceId : currentTraceId();
        RepaymentPayload payload = new RepaymentPayload(r.voucherNo(), r.clearingAccountId(), r.loanAccountId(),
                r.interestIncomeAccountId(), r.principalMinor(), r.interestMinor(), r.currency(),
                accountingDate.toString(), clock.instant().toString(), trace);
        outbox.append(new OutboxMessage(TOPIC, LOAN_REPAID, SCHEMA_VERSION, r.voucherNo(),
                String.valueOf(r.loanAccountId()), write(payload), trace));
    }

    @Override
    public void confirmed(Transfer confirmed, LocalDate accountingDate, String traceId) {
        append(CONFIRMED, confirmed, accountingDate, traceId);
    }

    @Override
    public void cancelled(Transfer cancelled, LocalDate accountingDate) {
        append(CANCELLED, cancelled, accountingDate, null);
    }

    private void append(String type, Transfer t, LocalDate accountingDate, String traceId) {
        String trace = traceId != null && !traceId.isBlank() ? traceId : currentTraceId();
        Payload payload = new Payload(t.transferId(), t.direction().name(), t.accountId(), t.contraAccountId(),
                t.amountMinor(), t.currency(), t.voucherNo(), accountingDate.toString(), t.xid(),
                clock.instant().toString(), trace);
        outbox.append(new OutboxMessage(TOPIC, type, SCHEMA_VERSION, businessKey(t),
                String.valueOf(t.contraAccountId()), write(payload), trace));
    }

    static String businessKey(Transfer t) {
        return t.transferId() + "-" + t.direction().name();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ledger event " + payload, e);
        }
    }

    /** SkyWalking's trace id, or null without the agent ("" or "N/A"). */
    private static String currentTraceId() {
        String id = TraceContext.traceId();
        return id == null || id.isEmpty() || "N/A".equals(id) ? null : id;
    }
}
