package io.creditsuite.api.probe;

/** Probes provided by credit-service: it initiates the TCC probe and publishes the MQ probe. */
public interface CreditProbeService {
    /**
     * Begins a Seata global transaction, runs credit-service's own TCC branch and
     * account-service's branch over Dubbo, then commits or rolls back as the scenario says.
     */
    TccProbeResult runTccProbe(TccProbeRequest request);

    TccBranchView tccBranch(String probeId);

    /** Publishes a probe message (KEYS = probeId) that reconcile-service consumes. */
    MqProbeResult publishMqProbe(MqProbeRequest request);
}
