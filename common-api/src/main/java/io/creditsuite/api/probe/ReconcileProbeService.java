package io.creditsuite.api.probe;

import io.creditsuite.api.error.ApiException;

/** Probes provided by reconcile-service: the consumer side of the MQ probe. */
public interface ReconcileProbeService {
    /** Whether the probe message with KEYS {@code probeId} has been consumed (at most once in effect). */
    MqProbeReceipt mqProbeReceipt(String probeId) throws ApiException;
}
