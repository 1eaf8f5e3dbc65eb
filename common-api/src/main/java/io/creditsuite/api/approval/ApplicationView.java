package io.creditsuite.api.approval;

import java.io.Serializable;

/**
 * A credit application as its submitter sees it.
 *
 * @param stage          the review stage it waits in while IN_REVIEW, else null
 * @param route          the automatic checks' route, null while SUBMITTED
 * @param score          the scorecard's total, null while SUBMITTED
 * @param approvedMinor  the amount approved so far (by the last stage that approved), null before any approval
 * @param lineId         the credit line granted, once GRANTED
 * @param reasonCode     why it was rejected or sent back (e.g. "BLACKLIST_HIT", "RULE:R-AGE", "INCOME_UNVERIFIED")
 */
public record ApplicationView(String applicationId, String partnerId, String partnerApplicationId, String customerId,
                              ApplicationStatus status, ReviewStage stage, CheckRoute route, Integer score,
                              String currency, long requestedMinor, Long approvedMinor, String lineId,
                              String reasonCode, long submittedAtEpochMillis, Long decidedAtEpochMillis)
        implements Serializable {
}
