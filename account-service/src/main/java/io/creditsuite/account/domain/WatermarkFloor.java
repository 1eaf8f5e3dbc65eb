package io.creditsuite.account.domain;

/**
 * Watermark floor (水位) of a BUFFERED account: the lowest available balance its buffered outflows
 * may lead to, {@code bound = max(floorMinor, -overdraftMinor)} (no floor: {@code -overdraftMinor}).
 *
 * <p>Guarantee. A buffered outflow of {@code amount} is accepted only if
 * <pre>
 *   available - queued - amount &gt;= bound
 * </pre>
 * where {@code available} is the account's stored available balance and {@code queued} is the sum
 * of ALL buffered outflows of the account accepted and not yet applied, by every instance of the
 * service ({@link BufferedOutflows} keeps that sum in the database, not in one instance's memory).
 * Applying an accepted outflow lowers {@code available} and {@code queued} by the same amount and
 * an inflow only raises {@code available}, so, while only buffered postings take money out of the
 * account, {@code available - queued >= bound} holds at all times and every accepted outflow is
 * applied without being refused for want of balance, in whatever order the queue delivers them.
 */
public record WatermarkFloor(Long floorMinor, long overdraftMinor) {

    public WatermarkFloor {
        if (overdraftMinor < 0) {
            throw new IllegalArgumentException("overdraftMinor must be >= 0, was " + overdraftMinor);
        }
    }

    public static WatermarkFloor of(Account account) {
        return new WatermarkFloor(account.terms().floorMinor(), account.terms().overdraftMinor());
    }

    /** {@code max(floorMinor, -overdraftMinor)}: the lowest available balance allowed. */
    public long boundMinor() {
        return boundMinor(floorMinor, overdraftMinor);
    }

    /**
     * {@code max(floorMinor, -overdraftMinor)} (no floor: {@code -overdraftMinor}): the lowest available balance any
     * outflow may leave, buffered or not ({@link Account#allowsAvailable} applies the same bound to every posting).
     */
    static long boundMinor(Long floorMinor, long overdraftMinor) {
        long overdraftBound = Math.negateExact(overdraftMinor);
        return floorMinor == null ? overdraftBound : Math.max(floorMinor, overdraftBound);
    }

    /**
     * Whether an outflow of {@code amountMinor} may be accepted while {@code queuedMinor} of
     * accepted outflows wait to be applied: {@code available - queued - amount >= bound}. Exact:
     * a difference beyond the range of long is refused, never wrapped.
     */
    public boolean admits(long availableMinor, long queuedMinor, long amountMinor) {
        if (amountMinor <= 0 || queuedMinor < 0) {
            throw new IllegalArgumentException("amount must be > 0 and queued >= 0, were " + amountMinor + ", " + queuedMinor);
        }
        try {
            return Math.subtractExact(Math.subtractExact(availableMinor, queuedMinor), amountMinor) >= boundMinor();
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
