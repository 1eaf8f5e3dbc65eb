package io.creditsuite.api.probe;

import io.creditsuite.api.error.ApiException;

/** Probes provided by account-service: the second participant of the TCC probe. */
public interface AccountProbeService {
    /**
     * The try of account-service's TCC probe branch. Must be called inside the initiator's global
     * transaction (the XID travels as a Dubbo attachment); {@code INVALID_ARGUMENT} otherwise.
     * {@code FAIL_ACCOUNT_TRY} makes it throw {@code PROBE_FAILED} after its branch is registered;
     * {@code LATE_ACCOUNT_TRY} holds it until its branch has been cancelled, after which the fence
     * refuses it (the caller has timed out by then).
     */
    void tryTccProbe(String probeId, TccProbeScenario scenario) throws ApiException;

    /** account-service's branch of the TCC probe {@code probeId}. */
    TccBranchView tccBranch(String probeId) throws ApiException;
}
