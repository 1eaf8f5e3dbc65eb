package io.creditsuite.approval.application.intake;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.check.AutomaticChecks;
import io.creditsuite.approval.domain.application.Applicant;
import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.CreditApplication;
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

/**
 * Intake: validates an application, reads the customer's exposure in credit-service, runs the automatic checks, then
 * stores it with their report and routes it (rejected, first review, or straight to recheck, where the review chain
 * opens its first task) in one local transaction ({@link IntakeRecorder}). Idempotent by (partner, partner application
 * id): the same request again answers the stored application; another body under that id is REQUEST_ID_REUSED.
 */
public class SubmitApplicationHandler {
    private final ApplicationRepository repository;
    private final AutomaticChecks checks;
    private final Clock clock;
    private final Supplier<String> applicationIds;
    private final ExistingExposure exposure;
    private final IntakeRecorder recorder;

    private final CallbackUrls callbackUrls;

    public SubmitApplicationHandler(ApplicationRepository repository, AutomaticChecks checks, ExistingExposure exposure,
                                    IntakeRecorder recorder, Clock clock, Supplier<String> applicationIds,
                                    CallbackUrls callbackUrls) {
        this.callbackUrls = callbackUrls;
        this.repository = repository;
        this.checks = checks;
        this.exposure = exposure;
        this.recorder = recorder;
        this.clock = clock;
        this.applicationIds = applicationIds;
    }

    /**
     * Not one transaction: the exposure is read from credit-service and the checks run before any row is locked;
     * {@link IntakeRecorder#store} then writes everything in one.
     */
    public ApplicationRecord submit(SubmitApplicationRequest request) {
        IntakeValidation.check(request, callbackUrls);
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
        long exposureMinor = exposure.exposureMinor(request.partnerId(), request.customerId(), request.currency());
        CheckReport report = checks.run(new CheckSubject(facts.applicationId(), a.name(), applicant.identityType(),
                a.identityNumber(), a.phone(), a.age(), a.industry(), a.declaredAnnualRevenueMinor(), a.regionPath(),
                request.productLine(), request.currency(), request.requestedMinor(), request.termMonths(), exposureMinor));
        CreditApplication application = CreditApplication.submitted(facts);
        application.routed(report.route(), report.reasonCode());
        Instant now = clock.instant();
        ApplicationRecord record = new ApplicationRecord(application, applicant, request.limitType().name(),
                request.callbackUrl(), bodyHash, report, now, application.state().isFinal() ? now : null, 0);
        if (recorder.store(record)) {
            return record;
        }
        // another intake of the same partner application id committed first
        return replay(repository.byPartnerApplicationId(request.partnerId(), request.partnerApplicationId())
                .orElseThrow(), bodyHash);
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
