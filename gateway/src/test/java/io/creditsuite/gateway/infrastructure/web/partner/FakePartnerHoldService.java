package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.PartnerHoldService;
import java.util.ArrayList;
import java.util.List;

/** credit-service's PartnerHoldService in memory: records calls; freezes refuse when {@code short} is set. */
class FakePartnerHoldService implements PartnerHoldService {
    final List<Object> calls = new ArrayList<>();
    boolean limitShort;

    @Override
    public LimitOperationResult freeze(PartnerHoldRequest request) {
        calls.add(request);
        return limitShort
                ? new LimitOperationResult(request.requestId(), null, LimitOutcome.LIMIT_INSUFFICIENT, 0, "node 7 is short")
                : new LimitOperationResult(request.requestId(), "H-1", LimitOutcome.ACCEPTED, 11, null);
    }

    @Override
    public LimitOperationResult capture(PartnerHoldCaptureRequest request) {
        calls.add(request);
        return new LimitOperationResult(request.requestId(), request.holdId(), LimitOutcome.ACCEPTED, 12, null);
    }

    @Override
    public LimitOperationResult release(PartnerHoldReleaseRequest request) {
        calls.add(request);
        return new LimitOperationResult(request.requestId(), request.holdId(), LimitOutcome.ACCEPTED, 13, null);
    }
}
