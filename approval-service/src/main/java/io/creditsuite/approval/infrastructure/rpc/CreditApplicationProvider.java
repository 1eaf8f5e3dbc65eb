package io.creditsuite.approval.infrastructure.rpc;

import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.approval.application.intake.ApplicationQueries;
import io.creditsuite.approval.application.intake.ApplicationViews;
import io.creditsuite.approval.application.intake.SubmitApplicationHandler;
import io.creditsuite.approval.application.intake.SupplementHandler;
import org.apache.dubbo.config.annotation.DubboService;

/** Intake and status of credit applications over Dubbo (the gateway's partner API and internal callers). */
@DubboService
public class CreditApplicationProvider implements CreditApplicationService {
    private final SubmitApplicationHandler submit;
    private final SupplementHandler supplement;
    private final ApplicationQueries queries;

    public CreditApplicationProvider(SubmitApplicationHandler submit, SupplementHandler supplement,
                                     ApplicationQueries queries) {
        this.submit = submit;
        this.supplement = supplement;
        this.queries = queries;
    }

    @Override
    public ApplicationView submit(SubmitApplicationRequest request) {
        return ApplicationViews.of(submit.submit(request));
    }

    @Override
    public ApplicationView application(String partnerId, String applicationId) {
        return ApplicationViews.of(queries.byId(partnerId, applicationId));
    }

    @Override
    public ApplicationView byPartnerApplicationId(String partnerId, String partnerApplicationId) {
        return ApplicationViews.of(queries.byPartnerApplicationId(partnerId, partnerApplicationId));
    }

    @Override
    public ApplicationView supplement(SupplementRequest request) {
        return ApplicationViews.of(supplement.supplement(request));
    }
}
