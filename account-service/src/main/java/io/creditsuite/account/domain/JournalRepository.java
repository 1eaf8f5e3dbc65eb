package io.creditsuite.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Port: the immutable journal (流水). Stored entries are never updated or deleted. */
public interface JournalRepository {
    /** Inserts in order; returns the entries with their generated ids. */
    List<JournalEntry> insertAll(List<JournalEntry> entries);

    List<JournalEntry> byVoucher(String voucherNo);

    /** Request digest per voucher already in the journal (non-reversal entries). */
    Map<String, String> digestsOf(Collection<String> voucherNos);

    List<JournalEntry> page(long accountId, long afterVersion, int limit);

    /** Streams the account's entries in version order until {@code consumer} returns false. */
    default void walk(long accountId, Predicate<JournalEntry> consumer) {
        walkAfter(accountId, 0, consumer);
    }

    /** Feeds the entries of the account after {@code afterVersion}, in version order, until the consumer says stop. */
    void walkAfter(long accountId, long afterVersion, Predicate<JournalEntry> consumer);

    /** sum of signed effects and count for an account (for checks and the benchmark). */
    long count(long accountId);
}
