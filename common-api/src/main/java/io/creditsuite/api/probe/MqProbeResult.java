package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * @param sendStatus            RocketMQ's send status, e.g. {@code SEND_OK}
 * @param localTransactionState for a transactional message: {@code COMMIT_MESSAGE} or
 *                              {@code ROLLBACK_MESSAGE}; {@code NONE} otherwise
 */
public record MqProbeResult(String probeId, String topic, String sendStatus, String localTransactionState)
        implements Serializable {
}
