package io.creditsuite.account.domain;

/**
 * A balance-raising leg on a summary-posted account (ADD_FREQUENT, BOTH), waiting for the
 * aggregator. It holds money for the account but is not in its chain yet: its balance before and
 * after are fixed when it is folded, in the order of {@code id}.
 *
 * <p>Guarantees:
 * <pre>
 *   balance + sum(pending amounts) = the balance once the aggregator drains
 *   hash = ChainFormat.detailHash(every field but id)   (details are written by parallel writers without the account's
 *          lock, so each carries its own hash instead of a link; a detail whose hash does not match is never folded)
 * </pre>
 */
public record PendingCredit(Long id, long accountId, Side side, long amountMinor, String currency, EntryOrigin origin,
                            String hash) {

    /** A new detail, sealed with its hash. */
    public static PendingCredit of(long accountId, Side side, long amountMinor, String currency, EntryOrigin origin) {
        PendingCredit unsealed = new PendingCredit(null, accountId, side, amountMinor, currency, origin, null);
        return new PendingCredit(null, accountId, side, amountMinor, currency, origin, ChainFormat.detailHash(unsealed));
    }

    /** Whether the stored hash matches the fields (false: the row was altered). */
    public boolean intact() {
        return ChainFormat.detailHash(this).equals(hash);
    }
}
