package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding: a credit customer owned by the partner, and its loan receivable account in the ledger. Idempotent by
 * (partner, reference): the same body returns the same customer, another body is REQUEST_ID_REUSED.
 *
 * <p>The ledger's {@code openAccount} is not idempotent, so the order makes it crash-safe: (1) the customer is
 * recorded without an account, (2) the account is opened, (3) its id is stored only if none is stored yet. A crash
 * between (2) and (3), or two onboardings racing, can leave an EMPTY account no customer points at (an orphan, never
 * posted to); the retry of a customer without an account opens one then. Money cannot reach an orphan: every posting
 * of lending names the account stored on the customer.
 */
public class OnboardCustomerHandler {
    private static final Logger log = LoggerFactory.getLogger(OnboardCustomerHandler.class);

    private final PartnerOwnership ownership;
    private final PartnerCustomerRepository customers;
    private final PartnerCustomerBook book;
    private final Ledger ledger;
    private final LendingIds ids;
    private final Clock clock;

    public OnboardCustomerHandler(PartnerOwnership ownership, PartnerCustomerRepository customers,
                                  PartnerCustomerBook book, Ledger ledger, LendingIds ids, Clock clock) {
        this.ownership = ownership;
        this.customers = customers;
        this.book = book;
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    public CustomerView onboard(OnboardCustomerRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an onboarding request is required");
        }
        Requests.requireId(request.requestId(), "requestId");
        LendingPartner partner = ownership.partner(request.partnerId());
        String ref = Requests.requireId(request.partnerCustomerRef(), "partnerCustomerRef");
        String name = Requests.requireText(request.name(), "name", 200);
        String department = request.department() == null ? null : Requests.requireId(request.department(), "department");
        // the body without the request id: the customer is keyed by its reference, whatever key the retry carries
        String hash = Requests.bodyHash(String.join("\n", partner.partnerId(), ref, name, String.valueOf(department)));

        PartnerCustomer customer = customers.byReference(partner.partnerId(), ref).orElse(null);
        if (customer == null) {
            PartnerCustomer fresh = new PartnerCustomer(ids.customerId(), partner.partnerId(), ref, name, department,
                    hash, null, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            customer = book.record(fresh) ? fresh : customers.byReference(partner.partnerId(), ref).orElseThrow();
        }
        if (!customer.bodyHash().equals(hash)) {
            throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "customer reference " + ref
                    + " was onboarded with a different body");
        }
        return LendingViews.customer(withLoanAccount(customer, partner.currency()), partner.currency());
    }

    private PartnerCustomer withLoanAccount(PartnerCustomer customer, String currency) {
        if (customer.hasLoanAccount()) {
            return customer;
        }
        long accountId;
        try {
            accountId = ledger.openLoanAccount(customer.customerId(), currency);
        } catch (Ledger.LedgerUnavailable e) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "customer " + customer.customerId()
                    + " is recorded but the ledger did not open its loan account; onboard it again with the same body");
        }
        if (!customers.attachLoanAccount(customer.customerId(), accountId)) {
            log.warn("customer {} got a loan account meanwhile; account {} stays empty and unused (an orphan)",
                    customer.customerId(), accountId);
        }
        return customers.byId(customer.customerId()).orElseThrow();
    }
}
