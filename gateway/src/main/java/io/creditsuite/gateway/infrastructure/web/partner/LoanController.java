package io.creditsuite.gateway.infrastructure.web.partner;

import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiDocs.PROBLEM_JSON;

import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentResult;
import io.creditsuite.gateway.domain.money.CurrencyUnit;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.support.trace.BusinessTags;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans: drawdown (放款), repayment (还款) and queries. credit-service owns the loan and begins the drawdown's
 * global transaction; the gateway only validates, scopes to the calling partner and maps the answer.
 */
@RestController
@RequestMapping(path = "/api/v1/loans")
@Tag(name = "Loans", description = "Draw down a loan, repay it, read it")
public class LoanController {
    private final LendingService lending;
    private final PartnerAmounts amounts;

    public LoanController(LendingService lending, PartnerAmounts amounts) {
        this.lending = lending;
        this.amounts = amounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draw down a loan",
            description = "Freezes the amount on every node of the product's path and reserves it on the lender's "
                    + "funding account in one global transaction, then pays it out to payeeAccount. Accepted: 201 with "
                    + "the loan (DISBURSING, then ACTIVE once paid out). Refused: 422 problem+json naming the reason.")
    @ApiResponse(responseCode = "201", description = "Accepted: the loan (Location: /api/v1/loans/{loanId})",
            content = @Content(schema = @Schema(implementation = PartnerJson.Loan.class),
                    examples = @ExampleObject(value = PartnerApiDocs.LOAN_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = PartnerApiDocs.REFUSED_DOC,
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "limit insufficient", value = PartnerApiDocs.REFUSED_EXAMPLE)))
    public ResponseEntity<?> drawdown(
            @RequestBody PartnerRequestBodies.Drawdown body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.LOANS_WRITE);
        String requestId = PartnerInput.requestId(http);
        String customerId = PartnerInput.id("customerId", body.customerId());
        String lineId = PartnerInput.id("lineId", body.lineId());
        long productNodeId = PartnerInput.nodeId("productNodeId", body.productNodeId());
        CurrencyUnit currency = amounts.currency("currency", body.currency());
        long amountMinor = amounts.positive("amount", body.amount(), currency);
        String payeeAccount = PartnerInput.account("payeeAccount", body.payeeAccount());
        BusinessTags.tag("customer", customerId);
        BusinessTags.tag("line", lineId);

        DrawdownResult result = lending.drawdown(new DrawdownRequest(requestId, partner.partnerId(), customerId, lineId,
                productNodeId, amountMinor, currency.code(), payeeAccount));
        PartnerJson.Loan loan = result.loan() == null ? null : PartnerViews.loan(result.loan());
        BusinessTags.tag("loan", loan == null ? null : loan.loanId());
        if (result.outcome() == DrawdownOutcome.REFUSED) {
            if (result.refusal() == null) {
                throw new IllegalStateException("credit-service refused a drawdown without a reason");
            }
            return ResponseEntity.of(Refusals.drawdown(result.refusal(), result.detail(), loan)).build();
        }
        if (loan == null) {
            throw new IllegalStateException("credit-service accepted a drawdown without a loan");
        }
        return ResponseEntity.created(URI.create("/api/v1/loans/" + loan.loanId())).body(loan);
    }

    @GetMapping("/{loanId}")
    @Operation(summary = "Read a loan", description = "Another partner's loan is 404, as an unknown one.")
    @ApiResponse(responseCode = "200", description = "The loan",
            content = @Content(schema = @Schema(implementation = PartnerJson.Loan.class),
                    examples = @ExampleObject(value = PartnerApiDocs.LOAN_EXAMPLE)))
    public PartnerJson.Loan loan(@Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String loanId,
                                 HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.LOANS_READ);
        return PartnerViews.loan(lending.loan(partner.partnerId(), PartnerInput.id("loanId", loanId)));
    }

    @PostMapping(path = "/{loanId}/repayments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Repay a loan",
            description = "The ledger posts the repayment and the limit returns (revolving lines restore available, "
                    + "others retire it). Exactly once per Idempotency-Key. More principal than outstanding is 409 CS-2202.")
    @ApiResponse(responseCode = "201", description = "The repayment and the loan after it",
            content = @Content(schema = @Schema(implementation = PartnerJson.RepaymentResult.class),
                    examples = @ExampleObject(value = PartnerApiDocs.REPAYMENT_RESULT_EXAMPLE)))
    public ResponseEntity<PartnerJson.RepaymentResult> repay(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String loanId,
            @RequestBody PartnerRequestBodies.Repayment body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.LOANS_WRITE);
        String requestId = PartnerInput.requestId(http);
        String id = PartnerInput.id("loanId", loanId);
        BusinessTags.tag("loan", id);
        CurrencyUnit currency = amounts.currency("currency", body.currency());
        long principalMinor = amounts.positive("principal", body.principal(), currency);
        long interestMinor = body.interest() == null ? 0 : amounts.nonNegative("interest", body.interest(), currency);
        String payerAccount = PartnerInput.account("payerAccount", body.payerAccount());

        RepaymentResult result = lending.repay(new RepaymentRequest(requestId, partner.partnerId(), id, principalMinor,
                interestMinor, currency.code(), payerAccount));
        PartnerJson.Repayment repayment = PartnerViews.repayment(result.repayment());
        return ResponseEntity.created(URI.create("/api/v1/loans/" + id + "/repayments/" + repayment.repaymentId()))
                .body(new PartnerJson.RepaymentResult(repayment, PartnerViews.loan(result.loan())));
    }

    @GetMapping("/{loanId}/repayments")
    @Operation(summary = "List a loan's repayments", description = "Oldest first.")
    @ApiResponse(responseCode = "200", description = "The repayments",
            content = @Content(schema = @Schema(implementation = PartnerJson.Repayments.class)))
    public PartnerJson.Repayments repayments(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String loanId,
            HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.LOANS_READ);
        String id = PartnerInput.id("loanId", loanId);
        return new PartnerJson.Repayments(id, lending.repayments(partner.partnerId(), id).stream()
                .map(PartnerViews::repayment).toList());
    }
}
