package io.creditsuite.api.approval;

import java.io.Serializable;

/**
 * More information for an application sent back (MORE_INFO_REQUESTED). Idempotent by requestId.
 *
 * @param note what the partner supplies (free text, up to 2000 characters; documents are out of scope)
 */
public record SupplementRequest(String requestId, String partnerId, String applicationId, String note)
        implements Serializable {
}
