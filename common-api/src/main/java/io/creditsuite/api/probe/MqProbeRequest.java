package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * @param transactional            send as a RocketMQ transactional (half) message
 * @param rollbackLocalTransaction with {@code transactional}: make the local transaction fail, so
 *                                 the message must never be delivered
 */
public record MqProbeRequest(String probeId, boolean transactional, boolean rollbackLocalTransaction)
        implements Serializable {
}
