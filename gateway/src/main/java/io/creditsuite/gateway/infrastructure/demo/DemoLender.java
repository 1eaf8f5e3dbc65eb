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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The devstack's demo lender, made through the services' own APIs (nothing is written behind their backs): a
 * funded funding account and an interest income account in the ledger, the lending partner, an upstream dealer's
 * guarantee line (the shared node), and customers onboarded by the partner, each with a revolving vendor
 * credit-sale line under that guarantee whose limits together exceed it, so the shared node binds first.
 * The amounts and the lines' term are {@link Terms} (the defaults, or an operator's for a test: a lender with
 * little funding, a tight guarantee, lines already expired).
 *
 * <p>Every step is idempotent by fixed ids, so seeding a running stack again changes nothing; the ledger accounts
 * are opened only while the lending partner does not exist yet (an interrupted first seed can leave empty accounts).
 */
final class DemoLender {
    static final String CURRENCY = "CNY";
    static final String PRODUCT = "cash-loan";

    private final LedgerService ledger;
    private final CreditMaintenanceService maintenance;
    private final LendingPartnerService partners;
    private final PartnerCustomerService customers;

    DemoLender(LedgerService ledger, CreditMaintenanceService maintenance, LendingPartnerService partners,
               PartnerCustomerService customers) {
        this.ledger = ledger;
        this.maintenance = maintenance;
        this.partners = partners;
        this.customers = customers;
    }

    /**
     * What a seed funds and grants.
     *
     * @param fundingMinor        the funding account's opening balance (the lender's capital)
     * @param guaranteeLimitMinor the dealer's guarantee: the node every customer's line is used under
     * @param lineLimitMinor      each customer's line (its limit-type, business-type and product node)
     * @param lineTermDays        the customers' lines end this many days after the partner's registration (from
     *                            -29: already expired) and began 30 days before it
     */
    record Terms(long fundingMinor, long guaranteeLimitMinor, long lineLimitMinor, int lineTermDays) {
        static final Terms DEFAULTS = new Terms(10_000_000_00L, 1_000_000_00L, 600_000_00L, 3650);
    }

    /** What the demo consists of, for the seed's answer and the smoke demo. */
    record Seeded(LendingPartnerView partner, String guaranteeLineId, long guaranteeNodeId, Terms terms,
                  List<DemoCustomer> customers) {
    }

    /** @param loanAccountId the customer's loan receivable in the ledger */
    record DemoCustomer(String customerId, String partnerCustomerRef, String lineId, long productNodeId,
                        long loanAccountId) {
    }

    /** The voucher of the lender's opening funding: its debit leg is the initial funding the invariants conserve. */
    static String fundingVoucher(String partnerId) {
        return "demo-funding-" + partnerId;
    }

    Seeded seed(String partnerId, String partnerName, int customerCount, Terms terms) {
        LendingPartnerView partner = lendingPartner(partnerId, partnerName, terms.fundingMinor());
        String dealer = partnerId + "-dealer";
        String lender = partnerId + "-lender";
        register(lender, "Demo lender " + partnerId, CustomerSource.BANK);
        register(dealer, "Demo dealer " + partnerId, CustomerSource.ENTERPRISE);
        String guaranteeLine = partnerId + "-guarantee";
        // the terms count from the partner's registration, not from now: a second seed then sends the grants the
        // same bodies, which credit-service replays (a body differing by its times would be a reused request id)
        long anchor = partner.registeredAtEpochMillis();
        long termStart = anchor - Duration.ofDays(30).toMillis();
        GrantLineResult guarantee = grant(guaranteeLine, lender, dealer, LimitType.GUARANTEE, terms.guaranteeLimitMinor(),
                null, List.of(), termStart, anchor + Duration.ofDays(3650).toMillis());
        long guaranteeNode = nodeAt(guarantee, "LIMIT_TYPE");
        List<DemoCustomer> seeded = new ArrayList<>();
        for (int i = 1; i <= customerCount; i++) {
            String ref = partnerId + "-customer-" + i;
            CustomerView customer = customers.onboardCustomer(new OnboardCustomerRequest("seed-" + ref, partnerId, ref,
                    "Demo customer " + i, null));
            String lineId = partnerId + "-line-" + i;
            long lineMinor = terms.lineLimitMinor();
            GrantLineResult line = grant(lineId, dealer, customer.customerId(), LimitType.VENDOR_CREDIT_SALE, lineMinor,
                    guaranteeNode, List.of(new BusinessTypeGrant("consumer", lineMinor,
                            List.of(new ProductGrant(PRODUCT, lineMinor)))),
                    termStart, anchor + Duration.ofDays(terms.lineTermDays()).toMillis());
            seeded.add(new DemoCustomer(customer.customerId(), ref, lineId, nodeAt(line, "PRODUCT"),
                    customer.loanAccountId()));
        }
        return new Seeded(partner, guaranteeLine, guaranteeNode, terms, List.copyOf(seeded));
    }

    private LendingPartnerView lendingPartner(String partnerId, String name, long fundingMinor) {
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
        ledger.post(new PostingRequest(fundingVoucher(partnerId), "DEMO_FUNDING", List.of(
                new LegRequest(funding.accountId(), EntrySide.DEBIT, fundingMinor, CURRENCY),
                new LegRequest(capital.accountId(), EntrySide.CREDIT, fundingMinor, CURRENCY))));
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
                                  Long parentNodeId, List<BusinessTypeGrant> businessTypes, long termStartMillis,
                                  long termEndMillis) {
        return maintenance.grantLine(new GrantLineRequest("seed-" + lineId, "devstack-seed", "demo lender", lineId,
                grantor, holder, type, CURRENCY, "demo", termStartMillis, termEndMillis, true, "0.0435", fixedMinor, 0,
                null, parentNodeId, businessTypes));
    }

    private static long nodeAt(GrantLineResult line, String level) {
        return line.nodes().stream().filter(n -> n.level().equals(level)).map(LimitNodeView::nodeId).findFirst()
                .orElseThrow(() -> new IllegalStateException("line " + line.lineId() + " has no " + level + " node"));
    }
}
