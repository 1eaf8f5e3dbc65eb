package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * The body (JSON) of a probe message on topic {@value #TOPIC}; its KEYS are {@code probeId}.
 *
 * @param transactional     whether it was sent as a transactional (half) message
 * @param sentAtEpochMilli  when credit-service handed it to RocketMQ
 */
public record MqProbeMessage(String probeId, boolean transactional, long sentAtEpochMilli) implements Serializable {
    /** The probe topic: credit-service publishes on it, reconcile-service consumes it. */
    public static final String TOPIC = "CS_PROBE";
}
