package io.creditsuite.api.lending;

import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.error.ApiException;

/**
 * Pre-authorisation holds for partners (预授权): freeze with an expiry, capture (a use of the hold), release.
 * Scoped to the partner's own customers; HOLD_UNKNOWN (404) for another partner's hold.
 */
public interface PartnerHoldService {
    LimitOperationResult freeze(PartnerHoldRequest request) throws ApiException;

    LimitOperationResult capture(PartnerHoldCaptureRequest request) throws ApiException;

    LimitOperationResult release(PartnerHoldReleaseRequest request) throws ApiException;
}
