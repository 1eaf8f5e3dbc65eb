package io.creditsuite.approval.application.intake;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import java.util.Optional;

/** A partner's own applications; another partner's is answered as unknown (no enumeration). */
public class ApplicationQueries {
    private final ApplicationRepository repository;

    public ApplicationQueries(ApplicationRepository repository) {
        this.repository = repository;
    }

    public ApplicationRecord byId(String partnerId, String applicationId) {
        return owned(partnerId, applicationId == null ? Optional.empty() : repository.byId(applicationId),
                applicationId);
    }

    public ApplicationRecord byPartnerApplicationId(String partnerId, String partnerApplicationId) {
        return owned(partnerId, partnerId == null || partnerApplicationId == null ? Optional.empty()
                : repository.byPartnerApplicationId(partnerId, partnerApplicationId), partnerApplicationId);
    }

    private static ApplicationRecord owned(String partnerId, Optional<ApplicationRecord> found, String asked) {
        return found.filter(r -> r.application().facts().partnerId().equals(partnerId)).orElseThrow(() ->
                new ApiException(ErrorCode.APPLICATION_UNKNOWN, "no application " + asked + " of partner "
                        + partnerId));
    }
}
