package io.creditsuite.api.probe;

import java.io.Serializable;

/** Whether reconcile-service has consumed the probe message with business key {@code probeId}. */
public record MqProbeReceipt(String probeId, boolean received, String consumerGroup, long receivedAtEpochMilli)
        implements Serializable {
}
