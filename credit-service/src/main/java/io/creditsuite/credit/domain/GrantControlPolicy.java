package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.Collection;

/**
 * 控制授信 (grant control): a parent that controls grants carves its children's limits out of its own. Checked at every
 * grant under the parent and every adjustment of the parent or of a child, under the parent node's row lock (taken
 * before anything is written), so concurrent grants under one parent fit one at a time.
 *
 * <p>Guarantee, for a parent {@code p} and its GRANT children {@code c} at time {@code t}:
 * <pre>
 *   carved(c, t)  = c.fixed + (c.temporaryExpiresAt > t ? c.temporary : 0)
 *   granted(p, t) = Σ carved(c, t)  over p's GRANT children
 *   granted(p, t) <= limit_p(t)     after every grant and adjustment
 * </pre>
 * <b>A child's temporary limit counts against its parent</b> while it is in force: a temporary raise is carved out of
 * the parent like a fixed one (otherwise a child could be granted past its parent by a temporary limit, and the
 * parent's limit would no longer bound what its children may use, since uses stop at a GRANT edge). Once the
 * child's temporary limit expires it no longer counts. Limit a child retired (repaid non-revolving use) is not given
 * back to the parent. A parent's own temporary limit counts in {@code limit_p(t)}: when it expires, the guarantee is
 * checked again at the next grant or adjustment, which it then refuses until there is room again.
 *
 * <p>All sums are exact: one past {@code Long.MAX_VALUE} is refused as {@code AMOUNT_OVERFLOW} (never wrapped to a
 * negative sum that would "fit"). {@code JdbcLimitDirectory.grantedUnder} computes {@code granted} in SQL for speed;
 * {@code MoneyRuleSqlMirrorIT} runs a table of cases through both.
 */
public final class GrantControlPolicy {
    private GrantControlPolicy() {
    }

    /** {@code carved(c, t)}: what the child takes out of its parent's limit at {@code t}. */
    public static long carvedAt(Balances child, Instant t) {
        return exact(() -> Math.addExact(child.fixedMinor(), child.temporaryCountsAt(t) ? child.temporaryMinor() : 0),
                "a child's fixed plus temporary limit");
    }

    /** {@code granted(p, t)} of the given children. */
    public static long grantedAt(Collection<Balances> children, Instant t) {
        long granted = 0;
        for (Balances child : children) {
            long carved = carvedAt(child, t);
            long before = granted;
            granted = exact(() -> Math.addExact(before, carved), "the sum of the children's limits");
        }
        return granted;
    }

    /**
     * A child {@code childCarved} may hang (or grow) under {@code parentNodeId}, whose other children carve
     * {@code grantedToOthers}, when {@code grantedToOthers + childCarved <= parentLimit}.
     */
    public static void requireRoomFor(long parentNodeId, long grantedToOthers, long childCarved, long parentLimit) {
        long granted = exact(() -> Math.addExact(grantedToOthers, childCarved),
                "node " + parentNodeId + "'s granted " + grantedToOthers + " plus " + childCarved);
        if (granted > parentLimit) {
            throw new LimitRejection(LimitRejection.Reason.GRANT_EXCEEDS_PARENT, "node " + parentNodeId + " has granted "
                    + grantedToOthers + " of its limit " + parentLimit + "; " + childCarved + " more does not fit");
        }
    }

    /** A parent's limit may become {@code newLimit} only if it still covers what it granted. */
    public static void requireParentCovers(long parentNodeId, long granted, long newLimit) {
        if (granted > newLimit) {
            throw new LimitRejection(LimitRejection.Reason.GRANT_EXCEEDS_PARENT, "node " + parentNodeId + " has granted "
                    + granted + " to the lines under it; its limit cannot fall to " + newLimit);
        }
    }

    private static long exact(java.util.function.LongSupplier sum, String what) {
        try {
            return sum.getAsLong();
        } catch (ArithmeticException e) {
            throw new LimitRejection(LimitRejection.Reason.AMOUNT_OVERFLOW, what + " would exceed " + Long.MAX_VALUE);
        }
    }
}
