package io.creditsuite.api.reconcile;

import io.creditsuite.api.error.ApiException;

/**
 * BCP's full check on demand (it also runs T+1 by itself): for a date, a customer, or everything. A run goes on in
 * the background; poll it by id. One run at a time: another start while one runs is CS-5011.
 */
public interface FullCheckService {
    /**
     * @param scope {@code ALL}, {@code DATE:yyyy-mm-dd} or {@code CUSTOMER:<customer id>} (else CS-1000)
     * @param who   who asks (1..64 characters), logged
     */
    FullCheckRunView start(String scope, String who) throws ApiException;

    /** A run as it stands; an unknown id is CS-5010. */
    FullCheckRunView run(long runId) throws ApiException;
}
