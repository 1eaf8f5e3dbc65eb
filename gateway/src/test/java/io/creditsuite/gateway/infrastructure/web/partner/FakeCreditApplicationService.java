package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** approval-service's intake in memory: records every call, answers one application AP-1 of partner P-1. */
class FakeCreditApplicationService implements CreditApplicationService {
    final List<Object> calls = new ArrayList<>();

    static ApplicationView view(ApplicationStatus status) {
        return new ApplicationView("AP-1", "P-1", "APP-1", "C-1", status,
                status == ApplicationStatus.IN_REVIEW ? ReviewStage.FIRST_REVIEW : null, CheckRoute.MANUAL_REVIEW, 670,
                "CNY", 30_000_000, null, null, null, 1_796_281_860_120L, null);
    }

    @Override
    public ApplicationView submit(SubmitApplicationRequest request) {
        calls.add(request);
        return view(ApplicationStatus.IN_REVIEW);
    }

    @Override
    public ApplicationView application(String partnerId, String applicationId) {
        calls.add(partnerId + "/" + applicationId);
        if (!"AP-1".equals(applicationId) || !"P-1".equals(partnerId)) {
            throw new ApiException(ErrorCode.APPLICATION_UNKNOWN, "no application " + applicationId);
        }
        return view(ApplicationStatus.IN_REVIEW);
    }

    @Override
    public ApplicationView byPartnerApplicationId(String partnerId, String partnerApplicationId) {
        calls.add(partnerId + "?" + partnerApplicationId);
        return view(ApplicationStatus.IN_REVIEW);
    }

    @Override
    public ApplicationView supplement(SupplementRequest request) {
        calls.add(request);
        return view(ApplicationStatus.IN_REVIEW);
    }
}
