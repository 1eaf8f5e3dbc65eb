package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sub-account of a split account (SUBTRACT_FREQUENT, BOTH) takes a leg.
 *
 * <p>Guarantees: the first choice is {@code floorMod(hash(voucherNo), n)}, so a retry of the same
 * voucher lands on the same sub-account; the fail-over order visits every sub-account once.
 */
public final class SubAccountPolicy {
    private SubAccountPolicy() {
    }

    /** Sub-account ids (sorted by id) in the order a leg of {@code voucherNo} tries them. */
    public static List<Long> order(String voucherNo, List<Long> subAccountIds) {
        int n = subAccountIds.size();
        int first = Math.floorMod(voucherNo.hashCode() * 0x9E3779B9, n);
        List<Long> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(subAccountIds.get((first + i) % n));
        }
        return order;
    }

    /**
     * How much a collection (归集) should move to a sub-account under its threshold: up to bring it
     * to {@code threshold * 2}, taking from a sibling only what leaves that sibling at its threshold:
     * <pre>
     *   0 &lt;= amount &lt;= min(min(2 * threshold, Long.MAX_VALUE) - needy, sibling - threshold)
     * </pre>
     * (sub-accounts have no overdraft, so needy, sibling &gt;= 0 and no step can overflow).
     */
    public static long collectAmount(long needyAvailable, long siblingAvailable, long thresholdMinor) {
        // 2 x threshold saturates at Long.MAX_VALUE: needy + collected never exceeds it, so the caller's sum stays exact
        long target = thresholdMinor > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : thresholdMinor * 2;
        long want = Math.subtractExact(target, needyAvailable);
        long spare = Math.subtractExact(siblingAvailable, thresholdMinor);
        return Math.max(0, Math.min(want, spare));
    }
}
