package io.creditsuite.gateway.infrastructure.demo;

import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The devstack's demo lender, made through the services' own APIs (nothing is written behind their backs): a
 * funded funding account and an interest income account in the ledger, the lending partner, an upstream dealer's
 * guarantee line (the shared node), and customers onboarded by the partner, each with a revolving vendor
 * credit-sale line under that guarantee whose limits together exceed it, so the shared node binds first.
 *
 * <p>Every step is idempotent by fixed ids, so seeding a running stack again changes nothing; the ledger accounts
 * are opened only while the lending partner does not exist yet (an interrupted first seed can leave empty accounts).
 */
final class DemoLender {
    static final String CURRENCY = "CNY";
    static final long FUNDING_MINOR = 10_000_000_00L;
    static final long GUARANTEE_MINOR = 1_000_000_00L;
    static final long LINE_MINOR = 600_000_00L;
    static final String PRODUCT = "cash-loan";

    private final LedgerService ledger;
    private final CreditMaintenanceService maintenance;
    private final LendingPartnerService partners;
    private final PartnerCustomerService customers;
    private final Clock clock;

    DemoLender(LedgerService ledger, CreditMaintenanceService maintenance, LendingPartnerService partners,
               PartnerCustomerService customers, Clock clock) {
        this.ledger = ledger;
        this.maintenance = maintenance;
        this.partners = partners;
        this.customers = customers;
        this.clock = clock;
    }

    /** What the demo consists of, for the seed's answer and the smoke demo. */
    record Seeded(LendingPartnerView partner, String guaranteeLineId, long guaranteeNodeId, List<DemoCustomer> customers) {
    }

    record DemoCustomer(String customerId, String partnerCustomerRef, String lineId, long productNodeId) {
    }

    Seeded seed(String partnerId, String partnerName, int customerCount) {
        LendingPartnerView partner = lendingPartner(partnerId, partnerName);
        String dealer = partnerId + "-dealer";
        String lender = partnerId + "-lender";
        register(lender, "Demo lender " + partnerId, CustomerSource.BANK);
        register(dealer, "Demo dealer " + partnerId, CustomerSource.ENTERPRISE);
        String guaranteeLine = partnerId + "-guarantee";
        GrantLineResult guarantee = grant(guaranteeLine, lender, dealer, LimitType.GUARANTEE, GUARANTEE_MINOR, null,
                List.of());
        long guaranteeNode = nodeAt(guarantee, "LIMIT_TYPE");
        List<DemoCustomer> seeded = new ArrayList<>();
        for (int i = 1; i <= customerCount; i++) {
            String ref = partnerId + "-customer-" + i;
            CustomerView customer = customers.onboardCustomer(new OnboardCustomerRequest("seed-" + ref, partnerId, ref,
                    "Demo customer " + i, null));
            String lineId = partnerId + "-line-" + i;
            GrantLineResult line = grant(lineId, dealer, customer.customerId(), LimitType.VENDOR_CREDIT_SALE, LINE_MINOR,
                    guaranteeNode, List.of(new BusinessTypeGrant("consumer", LINE_MINOR,
                            List.of(new ProductGrant(PRODUCT, LINE_MINOR)))));
            seeded.add(new DemoCustomer(customer.customerId(), ref, lineId, nodeAt(line, "PRODUCT")));
        }
        return new Seeded(partner, guaranteeLine, guaranteeNode, List.copyOf(seeded));
    }

    private LendingPartnerView lendingPartner(String partnerId, String name) {
        try {
            return partners.partner(partnerId);
        } catch (ApiException e) {
            if (e.errorCode() != ErrorCode.LENDING_PARTNER_UNKNOWN) {
                throw e;
            }
        }
        AccountView funding = ledger.openAccount(new OpenAccountRequest(partnerId + "-funding", AccountType.ASSET,
                CURRENCY, 0, null, HotMode.NORMAL, 0, 0));
        AccountView capital = ledger.openAccount(new OpenAccountRequest(partnerId + "-capital", AccountType.LIABILITY,
                CURRENCY, 0, null, HotMode.NORMAL, 0, 0));
        AccountView income = ledger.openAccount(new OpenAccountRequest(partnerId + "-interest-income",
                AccountType.INCOME, CURRENCY, 0, null, HotMode.NORMAL, 0, 0));
        // the lender's capital funds its settlement account: DEBIT funding (asset +), CREDIT capital (liability +)
        ledger.post(new PostingRequest("demo-funding-" + partnerId, "DEMO_FUNDING", List.of(
                new LegRequest(funding.accountId(), EntrySide.DEBIT, FUNDING_MINOR, CURRENCY),
                new LegRequest(capital.accountId(), EntrySide.CREDIT, FUNDING_MINOR, CURRENCY))));
        return partners.registerPartner(new RegisterLendingPartnerRequest(partnerId, name, CURRENCY,
                funding.accountId(), income.accountId()));
    }

    private void register(String customerId, String name, CustomerSource source) {
        try {
            maintenance.registerCustomer(new RegisterCustomerRequest("seed-" + customerId, customerId, name, source,
                    null, null));
        } catch (ApiException e) {
            if (e.errorCode() != ErrorCode.REQUEST_ID_REUSED) {
                throw e;
            }
        }
    }

    private GrantLineResult grant(String lineId, String grantor, String holder, LimitType type, long fixedMinor,
                                  Long parentNodeId, List<BusinessTypeGrant> businessTypes) {
        long now = clock.millis();
        return maintenance.grantLine(new GrantLineRequest("seed-" + lineId, "devstack-seed", "demo lender", lineId,
                grantor, holder, type, CURRENCY, "demo", now - Duration.ofDays(1).toMillis(),
                now + Duration.ofDays(3650).toMillis(), true, "0.0435", fixedMinor, 0, null, parentNodeId,
                businessTypes));
    }

    private static long nodeAt(GrantLineResult line, String level) {
        return line.nodes().stream().filter(n -> n.level().equals(level)).map(LimitNodeView::nodeId).findFirst()
                .orElseThrow(() -> new IllegalStateException("line " + line.lineId() + " has no " + level + " node"));
    }
}
