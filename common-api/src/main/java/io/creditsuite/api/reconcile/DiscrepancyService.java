package io.creditsuite.api.reconcile;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * BCP discrepancies over Dubbo (SREs reach the same through the gateway's operator endpoints). Every action names
 * who does it (1..64 characters) and is audited as a transition; a wrong state is CS-5002, an unknown id CS-5001.
 */
public interface DiscrepancyService {
    int MAX_PAGE = 500;

    /**
     * The newest first.
     *
     * @param state  OPEN, ACKNOWLEDGED, RESOLVED, or null for all
     * @param ruleId a rule, or null for all
     * @param limit  1..{@value #MAX_PAGE}
     */
    List<DiscrepancyView> discrepancies(String state, String ruleId, int limit) throws ApiException;

    DiscrepancyView discrepancy(long id) throws ApiException;

    /** OPEN -> ACKNOWLEDGED: someone owns it now. */
    DiscrepancyView acknowledge(long id, String who, String note) throws ApiException;

    /** -> RESOLVED (FIXED_BY_BOOKING): the ledger must have the corrective voucher posted, else CS-5003. */
    DiscrepancyView resolveByBooking(long id, String who, String voucherNo) throws ApiException;

    /** -> RESOLVED (ACCEPTED): the business accepts it as it is; the note (1..2000 characters) says why. */
    DiscrepancyView accept(long id, String who, String note) throws ApiException;
}
