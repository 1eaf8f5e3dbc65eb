package io.creditsuite.credit.infrastructure.probe;

import io.creditsuite.api.probe.CreditProbeService;
import io.creditsuite.api.probe.MqProbeRequest;
import io.creditsuite.api.probe.MqProbeResult;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeRequest;
import io.creditsuite.api.probe.TccProbeResult;
import io.creditsuite.support.probe.ProbeIds;
import io.creditsuite.support.probe.TccProbeBranchStore;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * credit-service's probes over Dubbo. The provider timeout is long enough for the slowest
 * scenario (LATE_ACCOUNT_TRY waits out the account try timeout, then rolls back).
 */
@DubboService(timeout = 30_000)
class CreditProbeProvider implements CreditProbeService {
    private final TccProbeInitiator initiator;
    private final TccProbeBranchStore branches;
    private final MqProbePublisher publisher;

    CreditProbeProvider(TccProbeInitiator initiator, TccProbeBranchStore branches, MqProbePublisher publisher) {
        this.initiator = initiator;
        this.branches = branches;
        this.publisher = publisher;
    }

    @Override
    public TccProbeResult runTccProbe(TccProbeRequest request) {
        return initiator.run(request);
    }

    @Override
    public TccBranchView tccBranch(String probeId) {
        return branches.view(ProbeIds.require(probeId));
    }

    @Override
    public MqProbeResult publishMqProbe(MqProbeRequest request) {
        return publisher.publish(request);
    }
}
