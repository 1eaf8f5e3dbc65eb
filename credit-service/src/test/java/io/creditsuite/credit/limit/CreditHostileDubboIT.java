package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.BusinessTypeCapRequest;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditLimitService;
import io.creditsuite.api.credit.CreditLimitTccService;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.CreditWarningService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.credit.RepaymentDueRequest;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.PartnerHoldService;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.support.hostile.HostileCase;
import io.creditsuite.support.hostile.HostileDubboBattery;
import io.creditsuite.support.hostile.HostileInputs;
import io.creditsuite.support.hostile.TableRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14's hostile battery over Dubbo for credit-service: every method of every interface the service exports,
 * called over the network with the cases {@link HostileInputs} makes by reflection, plus the money methods' own
 * cases (zero, negative, overflowing amounts, foreign currencies) on a real line and hold, and another partner's
 * customer, hold and loan. Every case is an ApiException with a 4xx code that writes no row.
 */
class CreditHostileDubboIT extends CreditLimitITSupport {
    private static final Set<ErrorCode> AMOUNT = Set.of(ErrorCode.AMOUNT_INVALID, ErrorCode.INVALID_ARGUMENT);
    private static final Set<ErrorCode> CURRENCY = Set.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.CREDIT_CURRENCY_MISMATCH);

    @Autowired
    LendingPartnerService partners;
    @Autowired
    PartnerHoldService partnerHolds;
    @Autowired
    PartnerCustomerRepository partnerCustomers;

    @Test
    void every_exported_method_refuses_hostile_input_with_a_code_and_writes_nothing() {
        List<Class<?>> apis = HostileDubboBattery.exportedApis(dubboModule);
        assertThat(apis).contains(CreditLimitService.class, CreditLimitTccService.class, CreditMaintenanceService.class,
                LendingService.class, PartnerHoldService.class, PartnerCustomerService.class);
        List<HostileCase> cases = new ArrayList<>();
        apis.forEach(api -> cases.addAll(HostileInputs.of(api)));
        // a cap of Long.MAX_VALUE on a business type nobody uses yet is a valid (if pointless) cap: it is stored
        cases.removeIf(c -> c.label().equals("CreditWarningService.setBusinessTypeCap [max]"));
        cases.addAll(moneyCases());
        cases.addAll(anotherPartnersResources());

        try (HostileDubboBattery battery = new HostileDubboBattery(dubboModule,
                TableRows.of(jdbc, table -> false, Set.of()))) {
            battery.run(cases);
            System.out.println(battery.report());
            assertThat(battery.failures()).as(battery.report()).isEmpty();
        }
    }

    /** Amounts and currencies on a real vendor line and a real hold: each refused before a row is written. */
    private List<HostileCase> moneyCases() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null),
                root(guarantee(upstream, 1_000)), 100, true);
        String lineId = line.lineId();
        long product = product(line);
        String holdId = limits.freeze(new FreezeRequest(id("r"), lineId, product, 0, 50, CNY, null)).holdId();
        long expiry = System.currentTimeMillis() + Duration.ofHours(1).toMillis();

        List<HostileCase> cases = new ArrayList<>();
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            cases.add(HostileCase.of(CreditLimitService.class, "freeze", "credit " + bad, AMOUNT,
                    new FreezeRequest(id("r"), lineId, product, 0, bad, CNY, null)));
            cases.add(HostileCase.of(CreditLimitTccService.class, "tryFreeze", "credit " + bad, AMOUNT,
                    new FreezeRequest(id("r"), lineId, product, 0, bad, CNY, null)));
            cases.add(HostileCase.of(CreditLimitService.class, "useDirect", "credit " + bad, AMOUNT,
                    new DirectUseRequest(id("r"), lineId, product, 0, bad, CNY)));
            cases.add(HostileCase.of(CreditLimitService.class, "use", "amount " + bad, AMOUNT,
                    new UseRequest(id("r"), holdId, bad, CNY)));
            cases.add(HostileCase.of(CreditLimitService.class, "disburse", "amount " + bad, AMOUNT,
                    new DisburseRequest(id("r"), holdId, bad, CNY)));
            cases.add(HostileCase.of(CreditLimitService.class, "repay", "amount " + bad, AMOUNT,
                    new ReturnRequest(id("r"), holdId, bad, CNY)));
            cases.add(HostileCase.of(CreditWarningService.class, "recordRepaymentDue", "amount " + bad,
                    Set.of(ErrorCode.REPAYMENT_DUE_INVALID, ErrorCode.AMOUNT_INVALID, ErrorCode.INVALID_ARGUMENT),
                    new RepaymentDueRequest(id("r"), holdId, expiry, bad, CNY)));
        }
        for (long bad : new long[] {-1, Long.MIN_VALUE}) { // a limit or cap of 0 is one
            cases.add(HostileCase.of(CreditMaintenanceService.class, "adjustLimit", "fixed " + bad, AMOUNT,
                    new AdjustLimitRequest(id("r"), "maker-1", "hostile", product, bad, 0, null)));
            cases.add(HostileCase.of(CreditWarningService.class, "setBusinessTypeCap", "cap " + bad, AMOUNT,
                    new BusinessTypeCapRequest("auto", CNY, bad)));
        }
        cases.add(HostileCase.of(CreditLimitService.class, "freeze", "negative cash", AMOUNT,
                new FreezeRequest(id("r"), lineId, product, -1, 10, CNY, null)));
        cases.add(HostileCase.of(CreditLimitService.class, "freeze", "cash + credit overflows", AMOUNT,
                new FreezeRequest(id("r"), lineId, product, Long.MAX_VALUE, 1, CNY, null)));
        cases.add(HostileCase.of(CreditLimitService.class, "useDirect", "cash + credit overflows", AMOUNT,
                new DirectUseRequest(id("r"), lineId, product, Long.MAX_VALUE, Long.MAX_VALUE, CNY)));
        cases.add(HostileCase.of(CreditLimitService.class, "use", "more than the hold", Set.of(ErrorCode.USE_EXCEEDS_HOLD),
                new UseRequest(id("r"), holdId, Long.MAX_VALUE, CNY)));
        cases.add(HostileCase.of(CreditLimitService.class, "disburse", "more than in transit",
                Set.of(ErrorCode.DISBURSE_EXCEEDS_IN_TRANSIT), new DisburseRequest(id("r"), holdId, Long.MAX_VALUE, CNY)));
        cases.add(HostileCase.of(CreditLimitService.class, "repay", "more than used",
                Set.of(ErrorCode.RETURN_EXCEEDS_USED), new ReturnRequest(id("r"), holdId, Long.MAX_VALUE, CNY)));
        cases.add(HostileCase.of(CreditMaintenanceService.class, "adjustLimit", "fixed + temporary overflows",
                Set.of(ErrorCode.CREDIT_AMOUNT_OVERFLOW),
                new AdjustLimitRequest(id("r"), "maker-1", "hostile", product, Long.MAX_VALUE, Long.MAX_VALUE,
                        expiry)));
        for (String currency : new String[] {"XXX", "usd", "CNYX", ""}) {
            cases.add(HostileCase.of(CreditLimitService.class, "freeze", "currency '" + currency + "'", CURRENCY,
                    new FreezeRequest(id("r"), lineId, product, 0, 10, currency, null)));
            cases.add(HostileCase.of(CreditLimitService.class, "useDirect", "currency '" + currency + "'", CURRENCY,
                    new DirectUseRequest(id("r"), lineId, product, 0, 10, currency)));
            cases.add(HostileCase.of(CreditLimitService.class, "use", "currency '" + currency + "'", CURRENCY,
                    new UseRequest(id("r"), holdId, 10, currency)));
        }
        return cases;
    }

    /**
     * Partner p2 asks for, holds on, captures and releases what is partner p1's; p1 sends amounts and currencies
     * no loan or hold may have. Whatever exists is p1's alone: to p2 it does not exist.
     */
    private List<HostileCase> anotherPartnersResources() {
        String p1 = id("p");
        String p2 = id("p");
        for (String partner : List.of(p1, p2)) {
            partners.registerPartner(new RegisterLendingPartnerRequest(partner, "Bank " + partner, CNY, 9001, 9002));
        }
        String alice = id("CU");
        maintenance.registerCustomer(new RegisterCustomerRequest(id("r"), alice, "Customer", CustomerSource.PLATFORM,
                null, null));
        partnerCustomers.insert(new PartnerCustomer(alice, p1, id("ref"), "Customer", null, "h", 424242L, Instant.now()));
        GrantLineResult line = grant(customer(CustomerSource.BANK, null, null), alice, LimitType.DOWNSTREAM_SELF_USE,
                1_000, null, true, List.of(new BusinessTypeGrant("LOAN", 1_000, List.of(new ProductGrant("P1", 1_000)))));
        long product = product(line);
        long expiry = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
        String holdId = id("h");
        partnerHolds.freeze(new PartnerHoldRequest(holdId, p1, alice, line.lineId(), product, 300, CNY, expiry));

        Set<ErrorCode> customerUnknown = Set.of(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        Set<ErrorCode> holdUnknown = Set.of(ErrorCode.HOLD_UNKNOWN);
        List<HostileCase> cases = new ArrayList<>(List.of(
                HostileCase.of(PartnerCustomerService.class, "customer", "another partner's customer", customerUnknown,
                        p2, alice),
                HostileCase.of(PartnerCustomerService.class, "limitTree", "another partner's customer", customerUnknown,
                        p2, alice),
                HostileCase.of(PartnerCustomerService.class, "statement", "another partner's customer", customerUnknown,
                        p2, alice, 0L, 10),
                HostileCase.of(PartnerHoldService.class, "freeze", "on another partner's customer", customerUnknown,
                        new PartnerHoldRequest(id("h"), p2, alice, line.lineId(), product, 1, CNY, expiry)),
                HostileCase.of(PartnerHoldService.class, "capture", "another partner's hold", holdUnknown,
                        new PartnerHoldCaptureRequest(id("r"), p2, holdId, 1, CNY)),
                HostileCase.of(PartnerHoldService.class, "release", "another partner's hold", holdUnknown,
                        new PartnerHoldReleaseRequest(id("r"), p2, holdId)),
                HostileCase.of(LendingService.class, "drawdown", "on another partner's customer", customerUnknown,
                        new DrawdownRequest(id("d"), p2, alice, line.lineId(), product, 1, CNY, "payee"))));
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            cases.add(HostileCase.of(PartnerHoldService.class, "freeze", "amount " + bad, AMOUNT,
                    new PartnerHoldRequest(id("h"), p1, alice, line.lineId(), product, bad, CNY, expiry)));
            cases.add(HostileCase.of(PartnerHoldService.class, "capture", "amount " + bad, AMOUNT,
                    new PartnerHoldCaptureRequest(id("r"), p1, holdId, bad, CNY)));
            cases.add(HostileCase.of(LendingService.class, "drawdown", "amount " + bad, AMOUNT,
                    new DrawdownRequest(id("d"), p1, alice, line.lineId(), product, bad, CNY, "payee")));
            cases.add(HostileCase.of(LendingService.class, "repay", "principal " + bad, Set.of(),
                    new RepaymentRequest(id("r"), p1, id("loan"), bad, bad, CNY, "payer")));
        }
        cases.add(HostileCase.of(PartnerHoldService.class, "capture", "more than the hold",
                Set.of(ErrorCode.USE_EXCEEDS_HOLD), new PartnerHoldCaptureRequest(id("r"), p1, holdId, Long.MAX_VALUE, CNY)));
        cases.add(HostileCase.of(LendingService.class, "repay", "principal + interest overflows", Set.of(),
                new RepaymentRequest(id("r"), p1, id("loan"), Long.MAX_VALUE, Long.MAX_VALUE, CNY, "payer")));
        for (String currency : new String[] {"XXX", "usd", ""}) {
            cases.add(HostileCase.of(PartnerHoldService.class, "freeze", "currency '" + currency + "'", CURRENCY,
                    new PartnerHoldRequest(id("h"), p1, alice, line.lineId(), product, 1, currency, expiry)));
            cases.add(HostileCase.of(PartnerHoldService.class, "capture", "currency '" + currency + "'", CURRENCY,
                    new PartnerHoldCaptureRequest(id("r"), p1, holdId, 1, currency)));
            cases.add(HostileCase.of(LendingService.class, "drawdown", "currency '" + currency + "'", CURRENCY,
                    new DrawdownRequest(id("d"), p1, alice, line.lineId(), product, 1, currency, "payee")));
        }
        return cases;
    }
}
