package io.creditsuite.approval.application.intake;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.check.AutomaticChecks;
import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.Applicant;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.CreditApplication;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.check.CheckReport;
import io.creditsuite.approval.domain.check.CheckSubject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: validates an application, runs its automatic checks, stores it with their report and routes it (rejected,
 * first review, or straight to recheck, where the review chain opens its first task), all in one local transaction. Idempotent by (partner, partner application
 * id): the same request again answers the stored application; another body under that id is REQUEST_ID_REUSED.
 */
public class SubmitApplicationHandler {
    public static final String SYSTEM = "system";

    private final ApplicationRepository repository;
    private final AutomaticChecks checks;
    private final Clock clock;
    private final Supplier<String> applicationIds;
    private final ReviewTasks reviewTasks;
    private final DecisionEvents events;

    public SubmitApplicationHandler(ApplicationRepository repository, AutomaticChecks checks, ReviewTasks reviewTasks,
                                    DecisionEvents events, Clock clock, Supplier<String> applicationIds) {
        this.repository = repository;
        this.checks = checks;
        this.reviewTasks = reviewTasks;
        this.events = events;
        this.clock = clock;
        this.applicationIds = applicationIds;
    }

    @Transactional
    public ApplicationRecord submit(SubmitApplicationRequest request) {
        IntakeValidation.check(request);
        String bodyHash = bodyHash(request);
        Optional<ApplicationRecord> existing = repository.byPartnerApplicationId(request.partnerId(),
                request.partnerApplicationId());
        if (existing.isPresent()) {
            return replay(existing.get(), bodyHash);
        }
        ApplicantFacts a = request.applicant();
        ApplicationFacts facts = new ApplicationFacts(applicationIds.get(), request.partnerId(),
                request.partnerApplicationId(), request.customerId(), a.regionPath(), request.productLine(),
                request.currency(), request.requestedMinor(), request.termMonths(), request.productIds());
        Applicant applicant = new Applicant(a.name(), a.identityType().name(), a.identityNumber(), a.phone(), a.age(),
                a.industry(), a.declaredAnnualRevenueMinor());
        // existing exposure in credit-service is not read yet (0): the rule that reads it cannot fire until it is
        CheckReport report = checks.run(new CheckSubject(facts.applicationId(), a.name(), applicant.identityType(),
                a.identityNumber(), a.phone(), a.age(), a.industry(), a.declaredAnnualRevenueMinor(), a.regionPath(),
                request.productLine(), request.currency(), request.requestedMinor(), request.termMonths(), 0L));
        CreditApplication application = CreditApplication.submitted(facts);
        application.routed(report.route(), report.reasonCode());
        Instant now = clock.instant();
        ApplicationRecord record = new ApplicationRecord(application, applicant, request.limitType().name(),
                request.callbackUrl(), bodyHash, report, now, application.state().isFinal() ? now : null, 0);
        if (!repository.insert(record)) {
            // another intake of the same partner application id committed first
            return replay(repository.byPartnerApplicationId(request.partnerId(), request.partnerApplicationId())
                    .orElseThrow(), bodyHash);
        }
        repository.appendHistory(facts.applicationId(), new HistoryEntry(now, SYSTEM, null, "SUBMITTED", null, null,
                null, null, ApplicationState.SUBMITTED));
        repository.appendHistory(facts.applicationId(), new HistoryEntry(now, SYSTEM, application.step().orElse(null),
                "CHECKED:" + report.route(), null, report.reasonCode(), "score " + report.score() + " (rules "
                + report.rulesVersion() + ", scorecard " + report.scorecardVersion() + ")",
                ApplicationState.SUBMITTED, application.state()));
        application.step().ifPresent(step -> reviewTasks.start(facts.applicationId(), step));
        if (application.state() == ApplicationState.REJECTED) {
            events.decided(record, 1, now);
        }
        return record;
    }

    private static ApplicationRecord replay(ApplicationRecord stored, String bodyHash) {
        if (!stored.bodyHash().equals(bodyHash)) {
            throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "partner application id "
                    + stored.application().facts().partnerApplicationId() + " was submitted with another body");
        }
        return stored;
    }

    /** SHA-256 of the request's canonical text (a record's components in declaration order). */
    static String bodyHash(SubmitApplicationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
