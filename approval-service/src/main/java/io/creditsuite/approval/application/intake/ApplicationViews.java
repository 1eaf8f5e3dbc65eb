package io.creditsuite.approval.application.intake;

import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.ReviewStage;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ReviewProgress;

/** A stored application as callers see it (the domain's names are the API's names, one to one). */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    public static ApplicationView of(ApplicationRecord r) {
        ApplicationFacts f = r.application().facts();
        ReviewProgress p = r.application().progress();
        Long approved = p.latestApprovedMinor();
        return new ApplicationView(f.applicationId(), f.partnerId(), f.partnerApplicationId(), f.customerId(),
                ApplicationStatus.valueOf(p.state().name()), p.step() == null ? null : ReviewStage.valueOf(p.step().name()),
                CheckRoute.valueOf(r.checks().route().name()), r.checks().score(), f.currency(), f.requestedMinor(),
                approved, p.lineId(), p.reasonCode(), r.submittedAt().toEpochMilli(),
                r.decidedAt() == null ? null : r.decidedAt().toEpochMilli());
    }
}
