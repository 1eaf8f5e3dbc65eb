package io.creditsuite.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Port: detail rows of summary-posted accounts, waiting for the aggregator. */
public interface PendingCreditRepository {
    void insertAll(List<PendingCredit> details);

    /** The oldest details of an account, in id order. */
    List<PendingCredit> oldest(long accountId, int limit);

    /**
     * Streams the account's details in id order until {@code consumer} returns false (the chain verifier). The
     * default reads them all at once; an adapter pages.
     */
    default void walk(long accountId, Predicate<PendingCredit> consumer) {
        for (PendingCredit d : oldest(accountId, Integer.MAX_VALUE)) {
            if (!consumer.test(d)) {
                return;
            }
        }
    }

    void delete(List<PendingCredit> folded);

    long sum(long accountId);

    List<PendingCredit> byVoucher(String voucherNo);

    Map<String, String> digestsOf(Collection<String> voucherNos);

    /** Accounts that have details waiting. */
    List<Long> accountsWithPending();
}
