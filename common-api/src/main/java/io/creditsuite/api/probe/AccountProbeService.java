package io.creditsuite.api.probe;

/** Probes provided by account-service: the second participant of the TCC probe. */
public interface AccountProbeService {
    /** The try of account-service's TCC probe branch; called inside the initiator's global transaction. */
    void tryTccProbe(String probeId, TccProbeScenario scenario);

    TccBranchView tccBranch(String probeId);
}
