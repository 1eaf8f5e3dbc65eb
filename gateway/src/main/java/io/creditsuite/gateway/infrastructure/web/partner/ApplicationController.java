package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.gateway.domain.money.CurrencyUnit;
import io.creditsuite.gateway.domain.money.DecimalAmount;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit applications (授信申请): submit one, read it, supplement it when first review asked for more. approval-service
 * runs the automatic checks and the review chain; the gateway validates the partner's input, scopes it to the
 * calling partner and maps the answer.
 */
@RestController
@RequestMapping(path = "/api/v1/credit-applications")
@Tag(name = "Credit applications", description = "Apply for a credit line, follow the decision")
public class ApplicationController {
    private final CreditApplicationService applications;
    private final PartnerAmounts amounts;

    public ApplicationController(CreditApplicationService applications, PartnerAmounts amounts) {
        this.applications = applications;
        this.amounts = amounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a credit application",
            description = "Runs the automatic checks (blacklist, risk rules, scorecard) at once: the answer is REJECTED "
                    + "with its reason, or IN_REVIEW at first review, or at recheck on the fast track. The same "
                    + "partnerApplicationId again returns the same application; with another body it is 409 CS-1001.")
    @ApiResponse(responseCode = "201", description = "The application (Location: /api/v1/credit-applications/{id})",
            content = @Content(schema = @Schema(implementation = ApplicationJson.Application.class)))
    public ResponseEntity<ApplicationJson.Application> submit(@RequestBody ApplicationJson.Submit body,
                                                              HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.APPLICATIONS);
        PartnerInput.requestId(http);
        if (body.applicant() == null) {
            throw PartnerInput.missing("applicant");
        }
        CurrencyUnit currency = amounts.currency("currency", body.currency());
        ApplicationJson.Applicant a = body.applicant();
        if (a.declaredAnnualRevenue() == null) {
            throw PartnerInput.missing("applicant.declaredAnnualRevenue");
        }
        ApplicantFacts applicant = new ApplicantFacts(a.name(), oneOf("applicant.identityType", a.identityType(),
                IdentityType.class), a.identityNumber(), a.phone(), a.age(), a.industry(),
                amounts.nonNegative("applicant.declaredAnnualRevenue", a.declaredAnnualRevenue(), currency),
                a.regionPath());
        if (body.termMonths() == null) {
            throw PartnerInput.missing("termMonths");
        }
        ApplicationView view = applications.submit(new SubmitApplicationRequest(partner.partnerId(),
                PartnerInput.id("partnerApplicationId", body.partnerApplicationId()),
                PartnerInput.id("customerId", body.customerId()), applicant,
                oneOf("limitType", body.limitType(), LimitType.class), currency.code(),
                amounts.positive("amount", body.amount(), currency), body.termMonths(),
                body.productIds() == null ? null : List.copyOf(body.productIds()), body.productLine(),
                body.callbackUrl()));
        return ResponseEntity.created(URI.create("/api/v1/credit-applications/" + view.applicationId()))
                .body(json(view));
    }

    @GetMapping("/{applicationId}")
    @Operation(summary = "Read a credit application", description = "Another partner's application is 404.")
    @ApiResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationJson.Application.class)))
    public ApplicationJson.Application application(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String applicationId,
            HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.APPLICATIONS);
        return json(applications.application(partner.partnerId(), PartnerInput.id("applicationId", applicationId)));
    }

    @GetMapping
    @Operation(summary = "Find a credit application by the partner's own id")
    @ApiResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationJson.Application.class)))
    public ApplicationJson.Application byPartnerApplicationId(@RequestParam String partnerApplicationId,
                                                              HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.APPLICATIONS);
        return json(applications.byPartnerApplicationId(partner.partnerId(),
                PartnerInput.id("partnerApplicationId", partnerApplicationId)));
    }

    @PostMapping(path = "/{applicationId}/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Supplement an application sent back for more information",
            description = "The application returns to first review. 409 CS-4002 when it is not waiting for more "
                    + "information. Exactly once per Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "The application after the supplement",
            content = @Content(schema = @Schema(implementation = ApplicationJson.Application.class)))
    public ResponseEntity<ApplicationJson.Application> supplement(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String applicationId,
            @RequestBody ApplicationJson.Supplement body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.APPLICATIONS);
        String requestId = PartnerInput.requestId(http);
        ApplicationView view = applications.supplement(new SupplementRequest(requestId, partner.partnerId(),
                PartnerInput.id("applicationId", applicationId), body.note()));
        return ResponseEntity.created(URI.create("/api/v1/credit-applications/" + view.applicationId())).body(json(view));
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null) {
            throw PartnerInput.missing(field);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw PartnerInput.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static ApplicationJson.Application json(ApplicationView v) {
        CurrencyUnit unit = CurrencyUnit.iso(v.currency());
        return new ApplicationJson.Application(v.applicationId(), v.partnerApplicationId(), v.customerId(),
                v.status().name(), v.stage() == null ? null : v.stage().name(), v.route() == null ? null : v.route().name(),
                v.score(), v.currency(), DecimalAmount.format(v.requestedMinor(), unit),
                v.approvedMinor() == null ? null : DecimalAmount.format(v.approvedMinor(), unit), v.lineId(),
                v.reasonCode(), Instant.ofEpochMilli(v.submittedAtEpochMillis()).toString(),
                v.decidedAtEpochMillis() == null ? null : Instant.ofEpochMilli(v.decidedAtEpochMillis()).toString());
    }
}
