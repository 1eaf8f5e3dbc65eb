package io.creditsuite.gateway.infrastructure.web.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The JSON bodies partners send. Every field is a JSON string except node ids (integers); amounts are decimal
 * strings at the currency's scale. Missing fields arrive as null and are refused by the controller naming the
 * field; unknown fields are refused by {@link StrictJsonBodyConverter}.
 */
public final class PartnerRequestBodies {
    private PartnerRequestBodies() {
    }

    @Schema(name = "OnboardCustomerRequest")
    public record OnboardCustomer(
            @Schema(description = "The partner's own reference of the customer, unique per partner; onboarding the same reference again returns the same customer",
                    example = "cust-0001", requiredMode = RequiredMode.REQUIRED, maxLength = 64, pattern = "^[A-Za-z0-9_.:-]{1,64}$")
            String partnerCustomerRef,
            @Schema(description = "The customer's name", example = "Zhang San", requiredMode = RequiredMode.REQUIRED, maxLength = 128)
            String name,
            @Schema(description = "The partner's department or branch serving the customer", example = "retail-east",
                    requiredMode = RequiredMode.NOT_REQUIRED, maxLength = 128)
            String department) implements StrictJsonBody {
    }

    @Schema(name = "DrawdownRequest")
    public record Drawdown(
            @Schema(example = "C-7f3a9c", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$") String customerId,
            @Schema(example = "L-2026-0001", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$") String lineId,
            @Schema(description = "The product (leaf) node of the line the loan draws on", example = "42",
                    requiredMode = RequiredMode.REQUIRED, minimum = "1") Long productNodeId,
            @Schema(description = "Decimal string, at most the currency's minor digits, > 0", example = "5000.00",
                    requiredMode = RequiredMode.REQUIRED) String amount,
            @Schema(description = "ISO 4217 code, upper case", example = "CNY", requiredMode = RequiredMode.REQUIRED) String currency,
            @Schema(description = "The payee's bank account the loan is paid out to", example = "6222020200112233",
                    requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9-]{1,64}$") String payeeAccount)
            implements StrictJsonBody {
    }

    @Schema(name = "RepaymentRequest")
    public record Repayment(
            @Schema(description = "Principal repaid: decimal string > 0, at most the principal outstanding", example = "1000.00",
                    requiredMode = RequiredMode.REQUIRED) String principal,
            @Schema(description = "Interest paid with it: decimal string >= 0; absent means 0", example = "12.50",
                    requiredMode = RequiredMode.NOT_REQUIRED) String interest,
            @Schema(description = "The loan's currency", example = "CNY", requiredMode = RequiredMode.REQUIRED) String currency,
            @Schema(description = "The account the payer paid from", example = "6222020200112233",
                    requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9-]{1,64}$") String payerAccount)
            implements StrictJsonBody {
    }

    @Schema(name = "HoldRequest")
    public record Hold(
            @Schema(example = "C-7f3a9c", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$") String customerId,
            @Schema(example = "L-2026-0001", requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_.:-]{1,64}$") String lineId,
            @Schema(description = "The node the amount is frozen on (and on every node above it)", example = "42",
                    requiredMode = RequiredMode.REQUIRED, minimum = "1") Long nodeId,
            @Schema(description = "Decimal string > 0", example = "300.00", requiredMode = RequiredMode.REQUIRED) String amount,
            @Schema(example = "CNY", requiredMode = RequiredMode.REQUIRED) String currency,
            @Schema(description = "When the hold releases itself if not captured (ISO-8601 instant, UTC, in the future)",
                    example = "2026-12-31T23:59:59Z", requiredMode = RequiredMode.REQUIRED) String expiresAt)
            implements StrictJsonBody {
    }

    @Schema(name = "HoldCaptureRequest")
    public record Capture(
            @Schema(description = "Decimal string > 0, at most what the hold has frozen", example = "120.00",
                    requiredMode = RequiredMode.REQUIRED) String amount,
            @Schema(example = "CNY", requiredMode = RequiredMode.REQUIRED) String currency) implements StrictJsonBody {
    }

    @Schema(name = "HoldReleaseRequest", description = "An empty object (or no body)")
    public record Release() implements StrictJsonBody {
    }
}
