package io.creditsuite.api.approval;

import io.creditsuite.api.error.ApiException;

/**
 * Intake and status of credit applications (internal callers; the gateway's partner API calls it too).
 * The reviewers act through the workbench, not through this interface.
 */
public interface CreditApplicationService {
    /**
     * Stores the application and runs its automatic checks; the answer shows the route taken. Idempotent by
     * (partnerId, partnerApplicationId). Malformed input is INVALID_ARGUMENT (or a more precise CS-4xxx code) and
     * writes nothing.
     */
    ApplicationView submit(SubmitApplicationRequest request) throws ApiException;

    /** APPLICATION_UNKNOWN (404) for an unknown id and for another partner's application. */
    ApplicationView application(String partnerId, String applicationId) throws ApiException;

    /** The application by the partner's own id; APPLICATION_UNKNOWN when there is none. */
    ApplicationView byPartnerApplicationId(String partnerId, String partnerApplicationId) throws ApiException;

    /**
     * The partner's supplement to an application sent back for more information (MORE_INFO_REQUESTED): the review
     * chain resumes at the stage that sent it back. APPLICATION_NOT_AWAITING_INFO otherwise.
     */
    ApplicationView supplement(SupplementRequest request) throws ApiException;
}
