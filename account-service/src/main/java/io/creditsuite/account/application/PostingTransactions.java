package io.creditsuite.account.application;

import java.util.List;

/**
 * Port: runs {@link LedgerWriter#write(List)} or {@link LedgerWriter#writeTrustingUniqueKeys(List)} as ONE local transaction and reports how the store ended
 * it in the application's own terms, so the use cases never see a framework's exception type.
 *
 * <p>Contract: when this throws, the transaction rolled back and nothing of the batch was written.
 * <ul>
 * <li>{@link DuplicateRecordException}: a unique key refused an insert (another writer stored one of the vouchers,
 *     or a reversal of one of the entries, between the batch's read and its insert);</li>
 * <li>{@link TransientStoreException}: the database rolled the transaction back for a reason a rerun may not meet
 *     again (deadlock victim, lock wait timeout);</li>
 * <li>any other exception passes through as it is.</li>
 * </ul>
 */
public interface PostingTransactions {
    /** {@link LedgerWriter#write(List)}: every voucher is looked up first (replay or VOUCHER_REUSED). */
    List<WriteOutcome> write(List<ResolvedPosting> batch);

    /**
     * {@link LedgerWriter#writeTrustingUniqueKeys(List)}: no voucher look-up; a voucher seen before makes the
     * transaction fail with {@link DuplicateRecordException}.
     */
    List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch);
}
