package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerCustomerService;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A partner's customers: onboarding, their limit tree and their ledger statement (credit-service over Dubbo). */
@RestController
@RequestMapping(path = "/api/v1/customers")
@Tag(name = "Customers", description = "Onboard a customer and read its limits and statement")
public class CustomerController {
    private final PartnerCustomerService customers;

    public CustomerController(PartnerCustomerService customers) {
        this.customers = customers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Onboard a customer",
            description = "Registers a credit customer owned by the calling partner and opens its loan receivable "
                    + "account. Idempotent by partnerCustomerRef: onboarding the same reference again answers the same customer.")
    @ApiResponse(responseCode = "201", description = "The customer (Location: /api/v1/customers/{customerId})",
            content = @Content(schema = @Schema(implementation = PartnerJson.Customer.class),
                    examples = @ExampleObject(value = PartnerApiDocs.CUSTOMER_EXAMPLE)))
    public ResponseEntity<PartnerJson.Customer> onboard(
            @RequestBody PartnerRequestBodies.OnboardCustomer body, HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.CUSTOMERS_WRITE);
        String requestId = PartnerInput.requestId(http);
        OnboardCustomerRequest request = new OnboardCustomerRequest(requestId, partner.partnerId(),
                PartnerInput.id("partnerCustomerRef", body.partnerCustomerRef()),
                PartnerInput.name("name", body.name()),
                PartnerInput.optionalName("department", body.department()));
        PartnerJson.Customer customer = PartnerViews.customer(customers.onboardCustomer(request));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.customerId())).body(customer);
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Read a customer", description = "Another partner's customer is 404, as an unknown one.")
    @ApiResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = PartnerJson.Customer.class),
                    examples = @ExampleObject(value = PartnerApiDocs.CUSTOMER_EXAMPLE)))
    public PartnerJson.Customer customer(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String customerId,
            HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.CUSTOMERS_READ);
        CustomerView view = customers.customer(partner.partnerId(), PartnerInput.id("customerId", customerId));
        return PartnerViews.customer(view);
    }

    @GetMapping("/{customerId}/limits")
    @Operation(summary = "Read a customer's lines and limit tree",
            description = "Every node of every line: limit, used (inTransit + inUse), frozen, available, as decimal strings.")
    @ApiResponse(responseCode = "200", description = "The lines and their nodes",
            content = @Content(schema = @Schema(implementation = PartnerJson.CustomerLimits.class),
                    examples = @ExampleObject(value = PartnerApiDocs.LIMITS_EXAMPLE)))
    public PartnerJson.CustomerLimits limits(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String customerId,
            HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.CUSTOMERS_READ);
        String id = PartnerInput.id("customerId", customerId);
        return PartnerViews.limits(id, customers.limitTree(partner.partnerId(), id));
    }

    @GetMapping("/{customerId}/statement")
    @Operation(summary = "Read a page of the customer's ledger statement",
            description = "The journal of the customer's loan receivable account in version order after afterVersion.")
    @ApiResponse(responseCode = "200", description = "One page; nextAfterVersion is null on the last",
            content = @Content(schema = @Schema(implementation = PartnerJson.Statement.class),
                    examples = @ExampleObject(value = PartnerApiDocs.STATEMENT_EXAMPLE)))
    public PartnerJson.Statement statement(
            @Parameter(schema = @Schema(pattern = PartnerApiDocs.ID_PATTERN)) @PathVariable String customerId,
            @Parameter(description = "Entries after this version (default 0: from the start)",
                    schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) String afterVersion,
            @Parameter(description = "Entries per page",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) String pageSize,
            HttpServletRequest http) {
        PartnerPrincipal partner = CallingPartner.require(http, PartnerScope.CUSTOMERS_READ);
        String id = PartnerInput.id("customerId", customerId);
        long after = PartnerInput.afterVersion(afterVersion);
        int size = PartnerInput.pageSize(pageSize);
        return PartnerViews.statement(id, customers.statement(partner.partnerId(), id, after, size));
    }
}
