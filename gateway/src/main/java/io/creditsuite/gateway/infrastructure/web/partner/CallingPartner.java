package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.support.trace.BusinessTags;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The partner a request is made for, as the signature filter verified it. The filter refuses unsigned requests
 * before any controller runs, so an absent principal means the filter did not cover this path: the controller
 * answers 401 rather than act for nobody. The scope is checked again here (the filter's route table is the first
 * check) so that a route added without a table entry cannot open an operation to every key.
 */
final class CallingPartner {
    private CallingPartner() {
    }

    static PartnerPrincipal require(HttpServletRequest request, PartnerScope scope) {
        if (!(request.getAttribute(PartnerPrincipal.ATTRIBUTE) instanceof PartnerPrincipal principal)) {
            throw new ApiException(ErrorCode.SIGNATURE_MISSING, null);
        }
        if (!principal.scopes().contains(scope)) {
            throw new ApiException(ErrorCode.SCOPE_DENIED, "the key " + principal.keyId() + " lacks the scope " + scope);
        }
        BusinessTags.tag("partner", principal.partnerId());
        return principal;
    }
}
