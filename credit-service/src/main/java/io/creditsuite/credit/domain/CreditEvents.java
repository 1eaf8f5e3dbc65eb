package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: the business facts of the limit, told inside the local transaction that writes them, so that
 * {@code fact committed <=> event published} (the adapter writes outbox rows; docs/events.md, topic
 * CS_CREDIT_EVENTS). Every flow (流水) is one fact: a hold frozen, used, released, expired, disbursed or returned, a
 * line granted, a limit adjusted, a line cleared or restored; a line's freeze and unfreeze change no balance and are
 * told apart.
 */
public interface CreditEvents {
    /** The flows of one written batch, in the order written; called once per batch, inside its transaction. */
    void flowsWritten(List<WrittenFlow> flows);

    /** A line's status changed ({@code from -> to}) by maintenance request {@code requestId}, inside its transaction. */
    void lineStatusChanged(CreditLine line, LineStatus from, LineStatus to, String requestId, String traceId);

    /** One written flow: the change asked for, what it wrote, its sequence number in the flow log and its time. */
    record WrittenFlow(LimitChange change, Plan plan, long flowSeq, Instant occurredAt) {
    }
}
