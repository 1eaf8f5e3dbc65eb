package io.creditsuite.api.account;

import io.creditsuite.api.error.ApiException;

/**
 * Day-end cutover (日切) of the ledger: switches the accounting date while postings continue,
 * snapshots every account's end-of-day balance, and serves the near-real-time balance
 * (end-of-day balance of T-2, or T-1 by configuration, plus the flows since). Dates are ISO
 * {@code yyyy-MM-dd} strings.
 */
public interface DayEndService {

    /** The accounting date postings carry now. */
    String accountingDate() throws ApiException;

    /**
     * Closes {@code request.accountingDate()} (it must be the date in force) and switches to the
     * next day. Idempotent: a date already closed returns the stored result; a cutover stopped
     * midway resumes where it stopped.
     */
    CutoverResult cutover(CutoverRequest request) throws ApiException;

    /** The end-of-day balance of one account for a closed date. */
    EndOfDayBalanceView endOfDayBalance(long accountId, String accountingDate) throws ApiException;

    /** End-of-day balance of (date in force - configured offset) + flows since + pending credits. */
    NearRealTimeBalanceView nearRealTimeBalance(long accountId) throws ApiException;
}
