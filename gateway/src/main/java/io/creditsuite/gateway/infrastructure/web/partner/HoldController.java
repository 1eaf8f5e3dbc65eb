package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.support.trace.BusinessTags;
import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiDocs.PROBLEM_JSON;

import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.PartnerHoldService;
import io.creditsuite.gateway.domain.money.CurrencyUnit;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pre-authorisation holds (预授权): freeze with an expiry, capture (a use of the hold), release. */
@RestController
@RequestMapping(path = "/api/v1/holds")
@Tag(name = "Holds", description = "Freeze part of a customer's limit until captured, released or expired")
public class HoldController {
    private final PartnerHoldService holds;
    private final PartnerAmounts amounts;

    public HoldController(PartnerHoldService holds, PartnerAmounts amounts) {
        this.holds = holds;
        this.amounts = amounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Freeze a hold",
            description = "Freezes the amount on the node and every node above it until expiresAt, when it releases itself.")
    @ApiResponse(responseCode = "201", description = "The hold (Location: /api/v1/holds/{holdId})",
            content = @Content(schema = @Schema(implementation = PartnerJson.Hold.class),
                    examples = @ExampleObject(value = PartnerApiDocs.HOLD_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "Refused (outcome REFUSED, refusal LIMIT_INSUFFICIENT, code "
            + "CS-2014): a node on the path lacks the amount; nothing was frozen",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<?> freeze(
            @RequestBody PartnerRequestBodies.Hold body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.HOLDS_WRITE);
        String requestId = PartnerInput.requestId(http);
        String customerId = PartnerInput.id("customerId", body.customerId());
        String lineId = PartnerInput.id("lineId", body.lineId());
        long nodeId = PartnerInput.nodeId("nodeId", body.nodeId());
        CurrencyUnit currency = amounts.currency("currency", body.currency());
        long amountMinor = amounts.positive("amount", body.amount(), currency);
        long expiresAt = PartnerInput.instantMillis("expiresAt", body.expiresAt());
        BusinessTags.tag("customer", customerId);
        BusinessTags.tag("line", lineId);

        LimitOperationResult result = holds.freeze(new PartnerHoldRequest(requestId, partner.partnerId(), customerId,
                lineId, nodeId, amountMinor, currency.code(), expiresAt));
        BusinessTags.tag("hold", result.holdId());
        if (result.outcome() != LimitOutcome.ACCEPTED) {
            return ResponseEntity.of(Refusals.limitInsufficient(result.detail())).build();
        }
        return ResponseEntity.created(URI.create("/api/v1/holds/" + result.holdId())).body(hold(result));
    }

    @PostMapping(path = "/{holdId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Capture a hold", description = "Uses the amount out of what the hold froze "
            + "(more than frozen: 409 CS-2007; expired: 409 CS-2013).")
    @ApiResponse(responseCode = "200", description = "Captured",
            content = @Content(schema = @Schema(implementation = PartnerJson.Hold.class),
                    examples = @ExampleObject(value = PartnerApiDocs.HOLD_EXAMPLE)))
    public ResponseEntity<?> capture(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String holdId,
            @RequestBody PartnerRequestBodies.Capture body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.HOLDS_WRITE);
        String requestId = PartnerInput.requestId(http);
        String id = PartnerInput.id("holdId", holdId);
        BusinessTags.tag("hold", id);
        CurrencyUnit currency = amounts.currency("currency", body.currency());
        long amountMinor = amounts.positive("amount", body.amount(), currency);

        LimitOperationResult result = holds.capture(new PartnerHoldCaptureRequest(requestId, partner.partnerId(), id,
                amountMinor, currency.code()));
        if (result.outcome() != LimitOutcome.ACCEPTED) {
            return ResponseEntity.of(Refusals.limitInsufficient(result.detail())).build();
        }
        return ResponseEntity.ok(hold(result));
    }

    @PostMapping(path = "/{holdId}/release")
    @Operation(summary = "Release a hold", description = "Unfreezes what the hold still has frozen. The body is "
            + "an empty object or absent.")
    @ApiResponse(responseCode = "200", description = "Released",
            content = @Content(schema = @Schema(implementation = PartnerJson.Hold.class),
                    examples = @ExampleObject(value = PartnerApiDocs.HOLD_EXAMPLE)))
    public PartnerJson.Hold release(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String holdId,
            @RequestBody(required = false) PartnerRequestBodies.Release body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.HOLDS_WRITE);
        String requestId = PartnerInput.requestId(http);
        String id = PartnerInput.id("holdId", holdId);
        BusinessTags.tag("hold", id);
        return hold(holds.release(new PartnerHoldReleaseRequest(requestId, partner.partnerId(), id)));
    }

    private static PartnerJson.Hold hold(LimitOperationResult result) {
        return new PartnerJson.Hold(result.holdId(), result.outcome().name(), result.detail());
    }
}
