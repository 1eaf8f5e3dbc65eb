package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.PartnerHoldService;
import io.creditsuite.credit.application.lending.PartnerHoldsHandler;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class PartnerHoldProvider implements PartnerHoldService {
    private final PartnerHoldsHandler holds;

    public PartnerHoldProvider(PartnerHoldsHandler holds) {
        this.holds = holds;
    }

    @Override
    public LimitOperationResult freeze(PartnerHoldRequest request) {
        return holds.freeze(request);
    }

    @Override
    public LimitOperationResult capture(PartnerHoldCaptureRequest request) {
        return holds.capture(request);
    }

    @Override
    public LimitOperationResult release(PartnerHoldReleaseRequest request) {
        return holds.release(request);
    }
}
