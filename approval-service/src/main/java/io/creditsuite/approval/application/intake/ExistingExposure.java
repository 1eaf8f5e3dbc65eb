package io.creditsuite.approval.application.intake;

/**
 * What the customer already owes or has reserved on its lines in credit-service (used + frozen of every line it
 * holds, in one currency), read at intake for the risk rules. Asking proves the partner owns the customer.
 */
public interface ExistingExposure {
    /**
     * @throws io.creditsuite.api.error.ApiException CREDIT_CUSTOMER_UNKNOWN for a customer the partner did not
     *                                                onboard, DOWNSTREAM_UNAVAILABLE when credit-service cannot answer
     */
    long exposureMinor(String partnerId, String customerId, String currency);
}
