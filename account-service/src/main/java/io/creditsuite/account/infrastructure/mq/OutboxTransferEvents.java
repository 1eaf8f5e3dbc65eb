package io.creditsuite.account.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferEvents;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.skywalking.apm.toolkit.trace.TraceContext;
import org.springframework.stereotype.Component;

/**
 * The ledger's transfer facts as outbox rows of topic {@value #TOPIC} (docs/events.md, schema version
 * {@value #SCHEMA_VERSION}), written in the phase two's own transaction.
 *
 * <p>KEYS = {@code <transferId>-<direction>} (one branch: its confirm or its cancel, never both). Ordering key = the
 * contra account id: the ledger does not know customers, and in a loan transfer the contra account is the side that
 * stands for the customer's loan (one customer's branches on one contra account stay in order; a consumer that needs
 * order across accounts must order by {@code occurredAt} and the accounts' chains, not by arrival).
 */
@Component
class OutboxTransferEvents implements TransferEvents {
    static final String TOPIC = "CS_LEDGER_EVENTS";
    static final int SCHEMA_VERSION = 1;
    static final String CONFIRMED = "LEDGER_TRANSFER_CONFIRMED";
    static final String CANCELLED = "LEDGER_TRANSFER_CANCELLED";

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    OutboxTransferEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The JSON body of both event types, schema version 1. */
    record Payload(String transferId, String direction, long accountId, long contraAccountId, long amountMinor,
                   String currency, String voucherNo, String accountingDate, String xid, String occurredAt,
                   String traceId) {
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

    private String write(Payload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write transfer event " + payload.transferId(), e);
        }
    }

    /** SkyWalking's trace id, or null without the agent ("" or "N/A"). */
    private static String currentTraceId() {
        String id = TraceContext.traceId();
        return id == null || id.isEmpty() || "N/A".equals(id) ? null : id;
    }
}
