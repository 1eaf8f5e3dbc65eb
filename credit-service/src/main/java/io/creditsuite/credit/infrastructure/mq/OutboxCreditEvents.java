package io.creditsuite.credit.infrastructure.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.credit.domain.CreditEvents;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.FlowType;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LineStatus;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.support.outbox.JdbcOutbox;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * credit-service's business events as outbox rows of topic {@value #TOPIC} (docs/events.md, schema version
 * {@value #SCHEMA_VERSION}), written in the transaction of the fact: the limit writer's batch, or maintenance's.
 *
 * <p>KEYS = the flow's request id (unique in the flow log, so one flow is one event), or for a line's status change
 * the maintenance request id. Ordering key = the line holder's customer id: one customer's events reach an orderly
 * consumer in the order written.
 *
 * <p>One instance per connection pool: the group commit's writers have their own pool, so their events go through an
 * outbox on that pool ({@link JdbcOutbox} refuses a transaction of another DataSource).
 */
public final class OutboxCreditEvents implements CreditEvents {
    public static final String TOPIC = "CS_CREDIT_EVENTS";
    static final int SCHEMA_VERSION = 1;
    static final String LINE_STATUS_CHANGED = "CREDIT_LINE_STATUS_CHANGED";

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public OutboxCreditEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The event type of a flow of {@code type}. */
    static String eventType(FlowType type) {
        return switch (type) {
            case FREEZE -> "CREDIT_HOLD_FROZEN";
            case USE -> "CREDIT_HOLD_USED";
            case UNFREEZE -> "CREDIT_HOLD_RELEASED";
            case EXPIRE -> "CREDIT_HOLD_EXPIRED";
            case DISBURSE -> "CREDIT_HOLD_DISBURSED";
            case RETURN -> "CREDIT_HOLD_RETURNED";
            case GRANT -> "CREDIT_LINE_GRANTED";
            case ADJUST -> "CREDIT_LIMIT_ADJUSTED";
            case CLEAR -> "CREDIT_LINE_CLEARED";
            case RESTORE -> "CREDIT_LINE_RESTORED";
        };
    }

    /** The body of every flow event, schema version 1. */
    record FlowPayload(String requestId, long flowSeq, String flowType, String lineId, String grantorId,
                       String customerId, String currency, long cashMinor, long creditMinor, String holdId,
                       HoldAfter hold, String release, List<Entry> entries, String occurredAt, String traceId) {
    }

    /** The hold after the flow: what is still frozen, in transit and in use of it. */
    record HoldAfter(String holdId, long frozenMinor, long inTransitMinor, long inUseMinor, String expiresAt,
                     String tccXid) {
    }

    /** One node's change (分录): every field is added to the node's, except the temporary limit's expiry. */
    record Entry(long nodeId, long fixedMinor, long temporaryMinor, String temporaryExpiresAt, long retiredMinor,
                 long frozenMinor, long inTransitMinor, long inUseMinor) {
    }

    /** The body of CREDIT_LINE_STATUS_CHANGED, schema version 1. */
    record LineStatusPayload(String requestId, String lineId, String grantorId, String customerId, String from,
                             String to, String occurredAt, String traceId) {
    }

    @Override
    public void flowsWritten(List<WrittenFlow> flows) {
        if (flows.isEmpty()) {
            return;
        }
        List<OutboxMessage> messages = new ArrayList<>(flows.size());
        for (WrittenFlow flow : flows) {
            FlowHeader header = flow.change().header();
            FlowType type = flow.plan().type();
            Hold hold = flow.plan().holdAfter();
            FlowPayload payload = new FlowPayload(flow.change().requestId(), flow.flowSeq(), type.name(),
                    header.lineId(), header.fromCustomerId(), header.toCustomerId(), header.currency(),
                    header.cashMinor(), flow.plan().creditMinor(), hold == null ? null : hold.holdId(), holdAfter(hold),
                    flow.change().operation() instanceof LimitOperation.Unfreeze u ? u.release().name() : null,
                    flow.plan().entries().stream().map(OutboxCreditEvents::entry).toList(),
                    flow.occurredAt().toString(), header.traceId());
            messages.add(new OutboxMessage(TOPIC, eventType(type), SCHEMA_VERSION, flow.change().requestId(),
                    header.toCustomerId(), write(payload), header.traceId()));
        }
        outbox.appendAll(messages); // one JDBC batch for the writer's batch
    }

    @Override
    public void lineStatusChanged(CreditLine line, LineStatus from, LineStatus to, String requestId, String traceId) {
        LineStatusPayload payload = new LineStatusPayload(requestId, line.lineId(), line.grantorId(), line.holderId(),
                from.name(), to.name(), clock.instant().toString(), traceId);
        outbox.append(new OutboxMessage(TOPIC, LINE_STATUS_CHANGED, SCHEMA_VERSION, requestId, line.holderId(),
                write(payload), traceId));
    }

    private static HoldAfter holdAfter(Hold hold) {
        return hold == null ? null : new HoldAfter(hold.holdId(), hold.frozenMinor(), hold.inTransitMinor(),
                hold.inUseMinor(), instant(hold.expiresAt()), hold.tccXid());
    }

    private static Entry entry(NodeDelta d) {
        return new Entry(d.nodeId(), d.fixedMinor(), d.temporaryMinor(), instant(d.temporaryExpiresAt()),
                d.retiredMinor(), d.frozenMinor(), d.inTransitMinor(), d.inUseMinor());
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a credit event", e);
        }
    }
}
