package io.creditsuite.api.probe;

/** Probes provided by reconcile-service: the consumer side of the MQ probe. */
public interface ReconcileProbeService {
    MqProbeReceipt mqProbeReceipt(String probeId);
}
