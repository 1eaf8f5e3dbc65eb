package io.creditsuite.gateway.infrastructure.demo;

import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.PartnerCustomerService;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The devstack's demo lender behind the operator token ({@code /ops/**}): {@code POST /ops/v1/demo/lenders} seeds one
 * (see {@link DemoLender}; the body may set its {@link DemoLender.Terms}), {@code GET
 * /ops/v1/demo/lenders/{partnerId}/invariants} checks the money invariants of its customers ({@link DemoInvariants}).
 * Off in production with the probes ({@code credit-suite.gateway.probes-enabled}).
 */
@RestController
@RequestMapping("/ops/v1/demo/lenders")
@ConditionalOnProperty(name = "credit-suite.gateway.probes-enabled", havingValue = "true", matchIfMissing = true)
public class DemoLenderController {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** 64: one customer per client of LendingDrawdownBenchmark's largest run (the devstack's demo seeds 2). */
    static final int MAX_CUSTOMERS = 64;

    @DubboReference
    private LedgerService ledger;
    @DubboReference
    private CreditMaintenanceService maintenance;
    @DubboReference
    private LendingPartnerService partners;
    @DubboReference
    private PartnerCustomerService customers;

    /**
     * The seed's body; the amounts (minor units) and the term are optional, {@link DemoLender.Terms#DEFAULTS} when
     * absent. {@code lineTermDays} from -29 (the lines ended 29 days ago) to 3650.
     */
    public record SeedBody(String partnerId, String name, int customers, Long fundingMinor, Long guaranteeLimitMinor,
                           Long lineLimitMinor, Integer lineTermDays) {
    }

    @PostMapping
    public DemoLender.Seeded seed(@RequestBody SeedBody body) {
        String partnerId = id(body.partnerId());
        if (body.customers() < 1 || body.customers() > MAX_CUSTOMERS) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "customers must be 1 to " + MAX_CUSTOMERS + ", got " + body.customers());
        }
        String name = body.name() == null || body.name().isBlank() ? "Demo lender " + partnerId : body.name();
        return new DemoLender(ledger, maintenance, partners, customers)
                .seed(partnerId, name, body.customers(), terms(body));
    }

    private static DemoLender.Terms terms(SeedBody body) {
        DemoLender.Terms defaults = DemoLender.Terms.DEFAULTS;
        int termDays = body.lineTermDays() == null ? defaults.lineTermDays() : body.lineTermDays();
        if (termDays < -29 || termDays > 3650) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "lineTermDays must be -29 to 3650, got " + termDays);
        }
        return new DemoLender.Terms(positive("fundingMinor", body.fundingMinor(), defaults.fundingMinor()),
                positive("guaranteeLimitMinor", body.guaranteeLimitMinor(), defaults.guaranteeLimitMinor()),
                positive("lineLimitMinor", body.lineLimitMinor(), defaults.lineLimitMinor()), termDays);
    }

    private static long positive(String field, Long given, long otherwise) {
        if (given == null) {
            return otherwise;
        }
        if (given <= 0) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, field + " must be greater than 0, got " + given);
        }
        return given;
    }

    /** {@code customerIds}: the customers to check, comma separated (the seed's answer lists them). */
    @GetMapping("/{partnerId}/invariants")
    public DemoInvariants.Report invariants(@PathVariable String partnerId, @RequestParam List<String> customerIds) {
        if (customerIds.isEmpty() || customerIds.size() > 50) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "customerIds must name 1 to 50 customers");
        }
        customerIds.forEach(DemoLenderController::id);
        return new DemoInvariants(ledger, partners, customers).check(id(partnerId), customerIds);
    }

    static String id(String given) {
        if (given == null || !ID.matcher(given).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an id must be 1 to 40 characters of A-Z a-z 0-9 _ -");
        }
        return given;
    }
}
