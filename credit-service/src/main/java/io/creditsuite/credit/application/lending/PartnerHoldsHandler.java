package io.creditsuite.credit.application.lending;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;

/**
 * Pre-authorisation holds (预授权) for partners, through the credit API's own hold operations. The partner names a
 * hold by its freeze's request id; the credit hold is {@link LendingIds#scoped scoped(partner, that id)}, and each
 * capture or release is request {@code scoped(partner, its request id)}: no partner can reach another's hold (the
 * derived id differs), and the hold's line must be held by one of the partner's customers besides. Answers carry the
 * partner's own ids.
 */
public class PartnerHoldsHandler {
    private final PartnerOwnership ownership;
    private final PartnerCustomerRepository customers;
    private final LimitOperationRunner operations;
    private final FreezeLimitHandler freeze;
    private final HoldOperationHandler holds;

    public PartnerHoldsHandler(PartnerOwnership ownership, PartnerCustomerRepository customers,
                               LimitOperationRunner operations, FreezeLimitHandler freeze, HoldOperationHandler holds) {
        this.ownership = ownership;
        this.customers = customers;
        this.operations = operations;
        this.freeze = freeze;
        this.holds = holds;
    }

    /** A hold with an expiry, which must be in the future (INVALID_ARGUMENT otherwise). */
    public LimitOperationResult freeze(PartnerHoldRequest request) {
        require(request);
        String requestId = Requests.requireId(request.requestId(), "requestId");
        PartnerCustomer customer = ownership.customer(request.partnerId(), request.customerId());
        CreditLine line = ownership.line(customer, request.lineId());
        LimitOperationResult result = freeze.handle(new FreezeRequest(LendingIds.scoped(customer.partnerId(), requestId),
                line.lineId(), request.nodeId(), 0, request.amountMinor(), request.currency(),
                request.expiresAtEpochMillis()));
        return asPartners(result, requestId, requestId);
    }

    /** A use (capture) of part or all of the hold. */
    public LimitOperationResult capture(PartnerHoldCaptureRequest request) {
        require(request);
        String requestId = Requests.requireId(request.requestId(), "requestId");
        Hold hold = ownedHold(request.partnerId(), request.holdId());
        LimitOperationResult result = holds.use(new UseRequest(LendingIds.scoped(request.partnerId(), requestId),
                hold.holdId(), request.amountMinor(), request.currency()));
        return asPartners(result, requestId, request.holdId());
    }

    /** The release of what is still frozen in the hold. */
    public LimitOperationResult release(PartnerHoldReleaseRequest request) {
        require(request);
        String requestId = Requests.requireId(request.requestId(), "requestId");
        Hold hold = ownedHold(request.partnerId(), request.holdId());
        LimitOperationResult result = holds.unfreeze(new UnfreezeRequest(LendingIds.scoped(request.partnerId(),
                requestId), hold.holdId()));
        return asPartners(result, requestId, request.holdId());
    }

    private Hold ownedHold(String partnerId, String partnersHoldId) {
        ownership.partner(partnerId);
        Requests.requireId(partnersHoldId, "holdId");
        return operations.directory().hold(LendingIds.scoped(partnerId, partnersHoldId))
                .filter(hold -> operations.directory().line(hold.lineId())
                        .flatMap(line -> customers.byId(line.holderId()))
                        .filter(holder -> holder.ownedBy(partnerId)).isPresent())
                .orElseThrow(() -> PartnerOwnership.unknownHold(partnersHoldId));
    }

    private static LimitOperationResult asPartners(LimitOperationResult result, String requestId, String holdId) {
        return new LimitOperationResult(requestId, result.outcome() == LimitOutcome.ACCEPTED ? holdId : null,
                result.outcome(), result.flowSeq(), result.detail());
    }

    private static void require(Object request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a request is required");
        }
    }
}
