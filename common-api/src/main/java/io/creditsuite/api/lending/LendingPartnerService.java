package io.creditsuite.api.lending;

import io.creditsuite.api.error.ApiException;

/**
 * The lending side of a partner (operators and the devstack seed call it, not partners): which ledger accounts
 * its loans move. Keys and scopes of the partner live in the gateway.
 */
public interface LendingPartnerService {
    /** Idempotent by partner id: the same settings return the stored view, other settings are LENDING_PARTNER_CONFLICT. */
    LendingPartnerView registerPartner(RegisterLendingPartnerRequest request) throws ApiException;

    LendingPartnerView partner(String partnerId) throws ApiException;
}
