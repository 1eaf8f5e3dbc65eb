package io.creditsuite.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port: detail rows of summary-posted accounts, waiting for the aggregator. */
public interface PendingCreditRepository {
    void insertAll(List<PendingCredit> details);

    /** The oldest details of an account, in id order. */
    List<PendingCredit> oldest(long accountId, int limit);

    void delete(List<PendingCredit> folded);

    long sum(long accountId);

    List<PendingCredit> byVoucher(String voucherNo);

    Map<String, String> digestsOf(Collection<String> voucherNos);

    /** Accounts that have details waiting. */
    List<Long> accountsWithPending();
}
