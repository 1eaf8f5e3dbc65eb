package io.creditsuite.gateway.infrastructure.web.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/** The credit-application endpoints' request and response bodies. Amounts are decimal strings, as everywhere. */
public final class ApplicationJson {
    private ApplicationJson() {
    }

    @Schema(name = "CreditApplicationRequest")
    public record Submit(
            @Schema(description = "The partner's own id of the application: submitting it again returns the same application",
                    example = "APP-2026-0001", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$")
            String partnerApplicationId,
            @Schema(example = "C-7f3a9c", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$")
            String customerId,
            @Schema(requiredMode = RequiredMode.REQUIRED) Applicant applicant,
            @Schema(description = "GUARANTEE, VENDOR_CREDIT_SALE, DOWNSTREAM_SELF_USE or UPSTREAM_SELF_USE",
                    example = "GUARANTEE", requiredMode = RequiredMode.REQUIRED) String limitType,
            @Schema(description = "The limit applied for: decimal string > 0 at the currency's scale", example = "300000.00",
                    requiredMode = RequiredMode.REQUIRED) String amount,
            @Schema(example = "CNY", requiredMode = RequiredMode.REQUIRED) String currency,
            @Schema(description = "1 to 360", example = "12", requiredMode = RequiredMode.REQUIRED) Integer termMonths,
            @Schema(description = "The products the line is for, 1 to 20", example = "[\"P-1\"]",
                    requiredMode = RequiredMode.REQUIRED) List<String> productIds,
            @Schema(description = "The product line (reviewers see only theirs)", example = "DEALER",
                    requiredMode = RequiredMode.REQUIRED) String productLine,
            @Schema(description = "https URL the decision is sent to; absent: poll", example = "https://partner.example/cb")
            String callbackUrl) {
    }

    @Schema(name = "CreditApplicant")
    public record Applicant(
            @Schema(example = "Wang Fang", requiredMode = RequiredMode.REQUIRED, maxLength = 128) String name,
            @Schema(description = "ID_CARD (a person) or USCC (an organisation)", example = "ID_CARD",
                    requiredMode = RequiredMode.REQUIRED) String identityType,
            @Schema(description = "18 characters with a valid check character", example = "110101199003070011",
                    requiredMode = RequiredMode.REQUIRED) String identityNumber,
            @Schema(description = "Mainland mobile number", example = "13800138000") String phone,
            @Schema(description = "Required for a person", example = "34") Integer age,
            @Schema(example = "RETAIL") String industry,
            @Schema(description = "Decimal string >= 0 in the application's currency", example = "1000000.00",
                    requiredMode = RequiredMode.REQUIRED) String declaredAnnualRevenue,
            @Schema(description = "The applicant's region, e.g. /CN/EAST/SH", example = "/CN/EAST/SH",
                    requiredMode = RequiredMode.REQUIRED) String regionPath) {
    }

    @Schema(name = "CreditApplicationSupplement")
    public record Supplement(
            @Schema(description = "What the partner adds (at most 2000 characters)", example = "tax return uploaded")
            String note) {
    }

    @Schema(name = "CreditApplication")
    public record Application(
            @Schema(example = "APmx7k2a9f3b2c1d") String applicationId,
            @Schema(example = "APP-2026-0001") String partnerApplicationId,
            @Schema(example = "C-7f3a9c") String customerId,
            @Schema(description = "SUBMITTED, IN_REVIEW, MORE_INFO_REQUESTED, REJECTED, GRANTING or GRANTED",
                    example = "IN_REVIEW") String status,
            @Schema(description = "FIRST_REVIEW, FINAL_REVIEW or RECHECK while in review", example = "FIRST_REVIEW")
            String stage,
            @Schema(description = "Where the automatic checks sent it: REJECT, MANUAL_REVIEW or FAST_TRACK",
                    example = "MANUAL_REVIEW") String route,
            @Schema(example = "670") Integer score,
            @Schema(example = "CNY") String currency,
            @Schema(example = "300000.00") String requestedAmount,
            @Schema(description = "What the last approving stage approved", example = "250000.00") String approvedAmount,
            @Schema(description = "The granted line, once GRANTED", example = "LN-APmx7k2a9f3b2c1d") String lineId,
            @Schema(description = "Why it was rejected or sent back", example = "INCOME_UNVERIFIED") String reasonCode,
            @Schema(example = "2026-12-03T07:30:00Z") String submittedAt,
            @Schema(example = "2026-12-04T09:15:00Z") String decidedAt) {
    }
}
