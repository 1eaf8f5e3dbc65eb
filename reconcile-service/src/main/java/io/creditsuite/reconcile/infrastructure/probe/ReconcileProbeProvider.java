package io.creditsuite.reconcile.infrastructure.probe;

import io.creditsuite.api.probe.MqProbeReceipt;
import io.creditsuite.api.probe.ReconcileProbeService;
import io.creditsuite.support.probe.ProbeIds;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class ReconcileProbeProvider implements ReconcileProbeService {
    private final ProbeReceipts receipts;

    ReconcileProbeProvider(ProbeReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public MqProbeReceipt mqProbeReceipt(String probeId) {
        return receipts.find(ProbeIds.require(probeId));
    }
}
