package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sub-account of a split account (SUBTRACT_FREQUENT, BOTH) takes a leg.
 *
 * <p>Guarantees, for a leg of {@code voucherNo} on a split account with sub-accounts S (n = |S|):
 * <pre>
 *   attempt k (k = 0, 1, ...) puts the leg on  order(voucherNo, S)[k mod n]
 *   order(voucherNo, S)[0] = S[floorMod(hash(voucherNo), n)]   (a retry of the same voucher lands on the same one)
 *   order(voucherNo, S) is a permutation of S                   (the fail-over visits every sub-account once)
 *   a refusal r after attempt k fails over to attempt k + 1  &lt;=&gt;
 *       r.error = INSUFFICIENT_BALANCE  and  r is on a sub-account  and  k + 1 &lt; N
 *       where N = max |S| over the posting's split legs (1 when it has none)
 * </pre>
 * so a posting is tried at most N times, and any other refusal (or the N-th shortage) is its answer.
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

    /** The sub-account a leg of {@code voucherNo} takes on attempt {@code attempt} (0 = the first choice). */
    public static long choice(String voucherNo, List<Long> subAccountIds, int attempt) {
        if (subAccountIds.isEmpty()) {
            throw new IllegalArgumentException("a split account without sub-accounts has no choice to make");
        }
        List<Long> order = order(voucherNo, subAccountIds);
        return order.get(attempt % order.size());
    }

    /**
     * Whether a refusal after attempt {@code attempt} (0-based) is tried again on the next sub-account.
     *
     * @param onSubAccount    the refusal names a sub-account (a shortage elsewhere is final)
     * @param subAccountsMax  the largest number of sub-accounts among the posting's split legs
     */
    public static boolean failsOver(LedgerError refusal, boolean onSubAccount, int attempt, int subAccountsMax) {
        return refusal == LedgerError.INSUFFICIENT_BALANCE && onSubAccount && attempt + 1 < subAccountsMax;
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
