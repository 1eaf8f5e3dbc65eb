package io.creditsuite.api.probe;

import io.creditsuite.api.error.ApiException;

/**
 * Probes provided by credit-service: it initiates the TCC probe and publishes the MQ probe.
 *
 * <p>A probe id is 1 to 64 characters ({@code INVALID_ARGUMENT} otherwise) and names one probe run.
 */
public interface CreditProbeService {
    /**
     * Begins a Seata global transaction, runs credit-service's own TCC branch and
     * account-service's branch over Dubbo, then commits or rolls back as the scenario says.
     *
     * <p>Idempotent by probe id: a finished run asked again with the same scenario returns the
     * stored result without running again; the same id with another scenario is
     * {@code REQUEST_ID_REUSED}; while the first run is still going it is {@code REQUEST_IN_PROGRESS};
     * a run that failed with an error keeps failing with {@code PROBE_FAILED} (use a new id).
     */
    TccProbeResult runTccProbe(TccProbeRequest request) throws ApiException;

    /** credit-service's own branch of the TCC probe {@code probeId}. */
    TccBranchView tccBranch(String probeId) throws ApiException;

    /**
     * Publishes a probe message (KEYS = probeId) that reconcile-service consumes. A probe id is
     * published at most once: a second publication is {@code REQUEST_ID_REUSED}, except after a
     * transactional probe whose local transaction rolled back (nothing was published then).
     */
    MqProbeResult publishMqProbe(MqProbeRequest request) throws ApiException;
}
