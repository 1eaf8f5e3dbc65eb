package io.creditsuite.account.domain;

/**
 * The buffered outflows accepted and not yet applied, per account, shared by every instance of the
 * service (the {@code queued} of {@link WatermarkFloor}). Keyed by (account, voucher), so a retried
 * acceptance reserves once and a redelivered application releases once.
 */
public interface BufferedOutflows {

    /** What {@link #reserve} did. */
    enum Reservation {
        /** reserved now: the caller releases it if it does not enqueue the posting after all */
        RESERVED,
        /** the voucher had reserved it before (a retry): nothing added, nothing to release on failure */
        ALREADY_RESERVED,
        /** the floor does not admit it: nothing reserved */
        REFUSED
    }

    /**
     * Reserves {@code amountMinor} of {@code accountId} for {@code voucherNo} if {@code floor} admits
     * it against the account's stored available balance and everything already reserved on it, by
     * any instance; atomic with respect to every other reservation and release of the account.
     */
    Reservation reserve(long accountId, String voucherNo, long amountMinor, WatermarkFloor floor);

    /** Releases what {@code voucherNo} reserved on {@code accountId}; nothing when it reserved nothing. */
    void release(long accountId, String voucherNo);

    /** The sum reserved on the account. */
    long queuedMinor(long accountId);
}
