package io.creditsuite.credit.infrastructure.mq;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler.Reported;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler.ReportedPayout;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.outbox.RocketMqOutboxSender;
import io.creditsuite.support.requestid.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The ledger's LEDGER_TRANSFER_CONFIRMED of a loan's funding transfer ({@code LOAN-<loanId>}, direction OUT) completes
 * the loan at once (DISBURSING -> ACTIVE) instead of at the sweeper's next pass.
 *
 * <p>Exactly once: the dedupe row ({@link ConsumeOnce}, key {@code LEDGER_TRANSFER_CONFIRMED:<transferId>-OUT}) and the
 * completion (credit's disbursement, the loan, LOAN_DISBURSED) commit in ONE local transaction: the completion's
 * {@code @Transactional} joins the one ConsumeOnce opens on the same transaction manager. The completion is idempotent
 * by itself too (the loan's state under its row lock), so the row is the audit of "consumed" more than the guard.
 *
 * <p>Not ready (credit's own confirm, or the loan's PENDING -> DISBURSING, not committed yet; or a failure such as the
 * database away): the transaction rolls back (no dedupe row) and the message is consumed again after 1 s, at most
 * {@value #MAX_RETRIES} times; after that it is acknowledged and the sweeper, which asks the ledger's record itself,
 * completes the loan. Anything that no retry can change (not a loan's transfer, an unknown loan, an unreadable body,
 * an unknown schema version, a report that contradicts the loan) is acknowledged, logged and counted.
 */
public final class LedgerPayoutListener implements MessageListenerConcurrently {
    public static final String TOPIC = "CS_LEDGER_EVENTS";
    public static final String TAG = "LEDGER_TRANSFER_CONFIRMED";
    static final int MAX_RETRIES = 3;
    /** RocketMQ's delay level 1 = 1 s (the broker's default messageDelayLevel "1s 5s 10s ..."). */
    static final int RETRY_DELAY_LEVEL = 1;
    private static final Logger log = LoggerFactory.getLogger(LedgerPayoutListener.class);

    private final CompleteDisbursementHandler completion;
    private final ConsumeOnce once;
    private final MeterRegistry meters;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    public LedgerPayoutListener(CompleteDisbursementHandler completion, ConsumeOnce once, MeterRegistry meters) {
        this.completion = completion;
        this.once = once;
        this.meters = meters;
    }

    /** The fields of the ledger's transfer event (schema version 1) this consumer reads; the others are ignored. */
    record TransferConfirmed(String transferId, String direction, long amountMinor, String currency, String voucherNo) {
    }

    /** Thrown inside the dedupe transaction to roll it back: the loan cannot be completed yet. */
    private static final class NotReadyYet extends RuntimeException {
        NotReadyYet(Reported why) {
            super(why.name(), null, false, false);
        }
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (MessageExt message : messages) {
            if (!consume(message)) {
                context.setDelayLevelWhenNextConsume(RETRY_DELAY_LEVEL);
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** true: done with this message (applied, a repeat, or nothing to do); false: consume it again later. */
    boolean consume(MessageExt message) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        // the ledger's trace (then its request id) carries on into LOAN_DISBURSED's traceId and this consumer's logs
        String traceId = message.getUserProperty(RocketMqOutboxSender.TRACE_ID);
        MDC.put(RequestIds.MDC_KEY, RequestIds.acceptOrCreate(traceId != null && !traceId.isBlank() ? traceId
                : message.getUserProperty(RocketMqOutboxSender.REQUEST_ID)));
        try {
            return consumeInContext(message);
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    private boolean consumeInContext(MessageExt message) {
        TransferConfirmed event = read(message);
        if (event == null) {
            return true;
        }
        String loanId = Loan.loanIdOfTransfer(event.transferId());
        if (loanId == null || !"OUT".equals(event.direction())) {
            count("not_a_loan_payout");
            log.debug("ledger transfer {} {} is no loan's payout: ignored", event.transferId(), event.direction());
            return true;
        }
        try {
            boolean first = once.apply(message, m -> {
                Reported outcome = completion.completeReportedPayout(new ReportedPayout(loanId, event.amountMinor(),
                        event.currency()));
                if (outcome.retryable()) {
                    throw new NotReadyYet(outcome);
                }
                report(loanId, event, outcome);
            });
            if (!first) {
                count("duplicate");
                log.info("ledger payout of loan {} delivered again as {}: already consumed, no effect", loanId,
                        message.getMsgId());
            }
            return true;
        } catch (RuntimeException e) {
            boolean retry = message.getReconsumeTimes() < MAX_RETRIES;
            count(e instanceof NotReadyYet ? "not_ready" : "failed");
            log.info("ledger payout of loan {} not applied yet ({}); {}", loanId, e.getMessage(),
                    retry ? "again in 1 s" : "left to the lending sweeper");
            return !retry;
        }
    }

    private void report(String loanId, TransferConfirmed event, Reported outcome) {
        count(outcome.name().toLowerCase());
        switch (outcome) {
            case COMPLETED -> log.info("loan {} ACTIVE: the ledger confirmed its payout ({})", loanId, event.voucherNo());
            case DIFFERS_FROM_LOAN, LOAN_REFUSED -> log.error("the ledger confirmed transfer {} ({} {} minor), which"
                    + " contradicts loan {} here ({}): nothing changed, reconciliation must resolve it",
                    event.transferId(), event.currency(), event.amountMinor(), loanId, outcome);
            case UNKNOWN_LOAN -> log.warn("the ledger confirmed transfer {} of no loan here: ignored", event.transferId());
            default -> log.debug("ledger payout of loan {}: {}", loanId, outcome);
        }
    }

    /** The event, or null for a message no retry can make readable (logged and counted, then acknowledged). */
    private TransferConfirmed read(MessageExt message) {
        String version = message.getUserProperty(RocketMqOutboxSender.SCHEMA_VERSION);
        if (!"1".equals(version)) {
            count("unknown_schema");
            log.error("dropping {} {} of schema version {}: this consumer reads version 1 (the sweeper completes the"
                    + " loan from the ledger's record)", message.getTags(), message.getKeys(), version);
            return null;
        }
        try {
            TransferConfirmed event = json.readValue(message.getBody(), TransferConfirmed.class);
            if (event.transferId() == null || event.currency() == null) {
                throw new IOException("transferId and currency are required");
            }
            return event;
        } catch (IOException e) {
            count("malformed");
            log.error("dropping unreadable {} {} ({}): {}", message.getTags(), message.getKeys(), message.getMsgId(),
                    e.getMessage());
            return null;
        }
    }

    private void count(String outcome) {
        meters.counter("creditsuite.lending.ledger_payout_reports", "outcome", outcome).increment();
    }
}
