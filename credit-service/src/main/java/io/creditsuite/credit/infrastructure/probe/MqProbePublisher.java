package io.creditsuite.credit.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.api.probe.MqProbeRequest;
import io.creditsuite.api.probe.MqProbeResult;
import io.creditsuite.support.probe.ProbeIds;
import io.creditsuite.support.requestid.RequestIds;
import java.time.Clock;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the MQ probe on {@value MqProbeMessage#TOPIC} with KEYS = probeId, either as a normal
 * message or as a transactional (half) message whose local transaction is the insert of its
 * {@code mq_probe_message} row (see {@link MqProbeTransactionListener}).
 */
@Component
class MqProbePublisher {
    private static final Logger log = LoggerFactory.getLogger(MqProbePublisher.class);
    /** What {@link MqProbeResult#localTransactionState()} says for a normal message. */
    static final String NOT_TRANSACTIONAL = "NONE";

    private final RocketMQTemplate rocketMq;
    private final MqProbeMessages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MqProbePublisher(RocketMQTemplate rocketMq, MqProbeMessages messages, TransactionTemplate transaction, Clock clock) {
        this.rocketMq = rocketMq;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    MqProbeResult publish(MqProbeRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an MQ probe needs a request");
        }
        String probeId = ProbeIds.require(request.probeId());
        if (request.rollbackLocalTransaction() && !request.transactional()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "rollbackLocalTransaction needs a transactional probe: a normal message has no local transaction");
        }
        // checked first so that a reused id sends no half message at all; the primary key still
        // decides between two concurrent calls
        if (messages.exists(probeId)) {
            throw reused(probeId);
        }
        Message<MqProbeMessage> message = MessageBuilder
                .withPayload(new MqProbeMessage(probeId, request.transactional(), clock.millis()))
                .setHeader(RocketMQHeaders.KEYS, probeId)
                .setHeader(RequestIds.ATTACHMENT, RequestIds.acceptOrCreate(RequestIds.current()))
                .build();
        return request.transactional()
                ? sendTransactional(probeId, message, request.rollbackLocalTransaction())
                : sendNormal(probeId, message);
    }

    /**
     * The row and the send share one local transaction: a failed send leaves no row, so the probe
     * id can be retried; a commit failing after a successful send (rare) lets a retry send the
     * same key again, which consumers absorb because they dedupe by key.
     */
    private MqProbeResult sendNormal(String probeId, Message<MqProbeMessage> message) {
        try {
            SendResult sent = transaction.execute(status -> {
                messages.insert(probeId, false);
                return rocketMq.syncSend(MqProbeMessage.TOPIC, message);
            });
            log.info("MQ probe {} sent as {} ({})", probeId, sent.getMsgId(), sent.getSendStatus());
            return new MqProbeResult(probeId, MqProbeMessage.TOPIC, sent.getSendStatus().name(), NOT_TRANSACTIONAL);
        } catch (DuplicateKeyException e) {
            throw reused(probeId);
        } catch (MessagingException e) {
            throw brokerUnavailable(probeId, e);
        }
    }

    private MqProbeResult sendTransactional(String probeId, Message<MqProbeMessage> message, boolean rollback) {
        TransactionSendResult sent;
        try {
            sent = rocketMq.sendMessageInTransaction(MqProbeMessage.TOPIC, message,
                    new MqProbeTransactionListener.LocalWork(probeId, rollback));
        } catch (MessagingException e) {
            throw brokerUnavailable(probeId, e);
        }
        log.info("transactional MQ probe {} sent as {} ({}), local transaction {}", probeId, sent.getMsgId(),
                sent.getSendStatus(), sent.getLocalTransactionState());
        return new MqProbeResult(probeId, MqProbeMessage.TOPIC, sent.getSendStatus().name(),
                sent.getLocalTransactionState().name());
    }

    /** rocketmq-spring wraps every client failure (no route, broker down, timeout) in a MessagingException. */
    private static ApiException brokerUnavailable(String probeId, MessagingException e) {
        log.warn("RocketMQ did not take MQ probe {}", probeId, e);
        return new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "RocketMQ did not take MQ probe " + probeId);
    }

    private static ApiException reused(String probeId) {
        return new ApiException(ErrorCode.REQUEST_ID_REUSED, "MQ probe " + probeId + " was already published");
    }
}
