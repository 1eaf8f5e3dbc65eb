package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The limit rule of one node, for one entry {@code d} applied at time {@code t} to balances {@code b}, giving
 * {@code b' = b + d} (field by field). The writer checks it in memory ({@link FlowRule#apply}) for locked batches, and
 * the guarded node update mirrors it in SQL ({@code LimitChangeWrites.LIMIT_GUARD_SQL}): for an optimistic batch that SQL is the whole
 * check, so a table of boundary cases runs through both and they must agree ({@code LimitGuardSqlMirrorIT}).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>representable: every field of {@code b'}, {@code b'.fixed + b'.temporary} and
 *       {@code b'.frozen + b'.inTransit + b'.inUse} fit in a signed 64-bit integer ({@code <= Long.MAX_VALUE}),
 *       else {@code AMOUNT_OVERFLOW} and nothing is written</li>
 *   <li>{@code b'.fixed, b'.temporary, b'.retired, b'.frozen, b'.inTransit, b'.inUse >= 0}, else
 *       {@code BALANCE_NEGATIVE}</li>
 *   <li>{@code checked(d) => b'.used + b'.frozen <= b'.limit(t)}, where {@code checked(d) = exposure(d) > 0  ∨
 *       d.fixed < 0 ∨ d.temporary < 0 ∨ d.retired > 0 ∨ d.temporaryExpiresAt != null} (it raises exposure or may
 *       lower the limit), else {@code LIMIT_INSUFFICIENT} (exposure rose) or {@code LIMIT_BELOW_EXPOSURE}</li>
 * </ul>
 * An entry that is not {@code checked} may leave a node above its limit (a temporary limit that expired): then only
 * entries that lower exposure pass.
 */
public final class LimitGuard {
    private LimitGuard() {
    }

    /** Whether the entry must pass the limit check: it raises exposure or may lower the limit. */
    public static boolean checked(NodeDelta d) {
        return d.exposureMinor() > 0 || d.lowersLimit();
    }

    /**
     * Applies {@code d} to {@code b} at {@code at}.
     *
     * @throws LimitRejection when a rule above does not hold
     */
    public static Balances apply(Balances b, NodeDelta d, Instant at) {
        Balances after;
        long exposure;
        long limit;
        boolean checked;
        try {
            checked = checked(d);
            after = new Balances(
                    Math.addExact(b.fixedMinor(), d.fixedMinor()),
                    Math.addExact(b.temporaryMinor(), d.temporaryMinor()),
                    d.temporaryExpiresAt() != null ? d.temporaryExpiresAt() : b.temporaryExpiresAt(),
                    Math.addExact(b.retiredMinor(), d.retiredMinor()),
                    Math.addExact(b.frozenMinor(), d.frozenMinor()),
                    Math.addExact(b.inTransitMinor(), d.inTransitMinor()),
                    Math.addExact(b.inUseMinor(), d.inUseMinor()));
            if (negative(after)) {
                throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE,
                        "node " + d.nodeId() + " would go negative: " + after.describe());
            }
            Math.addExact(after.fixedMinor(), after.temporaryMinor());
            exposure = after.exposureMinor();
            limit = after.limitAt(at);
        } catch (ArithmeticException e) {
            throw new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW, "node " + d.nodeId()
                    + ": a balance would exceed " + Long.MAX_VALUE + ", the largest amount a node can hold");
        }
        if (checked && exposure > limit) {
            throw new LimitRejection(d.exposureMinor() > 0
                    ? LimitRejection.Reason.LIMIT_INSUFFICIENT : LimitRejection.Reason.LIMIT_BELOW_EXPOSURE,
                    "node " + d.nodeId() + ": used + frozen " + exposure + " > limit " + limit);
        }
        return after;
    }

    private static boolean negative(Balances b) {
        return b.fixedMinor() < 0 || b.temporaryMinor() < 0 || b.retiredMinor() < 0 || b.frozenMinor() < 0
                || b.inTransitMinor() < 0 || b.inUseMinor() < 0;
    }
}
