package io.creditsuite.api.lending;

import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.error.ApiException;
import java.util.List;

/** A partner's customers: onboarding, their limit tree and their ledger statement. */
public interface PartnerCustomerService {
    /**
     * Registers a credit customer owned by the partner and opens its loan receivable account in the ledger.
     * Idempotent by (partner, {@code partnerCustomerRef}); the suite assigns the customer id.
     */
    CustomerView onboardCustomer(OnboardCustomerRequest request) throws ApiException;

    /** CREDIT_CUSTOMER_UNKNOWN (404) for an unknown customer and for another partner's. */
    CustomerView customer(String partnerId, String customerId) throws ApiException;

    /** Every node of every line the customer holds, with limit, used (in transit, in use), frozen, available. */
    List<LimitNodeView> limitTree(String partnerId, String customerId) throws ApiException;

    /** The customer's loan receivable account's journal, in version order after {@code afterVersion}. */
    StatementPage statement(String partnerId, String customerId, long afterVersion, int pageSize) throws ApiException;
}
