package io.creditsuite.account.domain;

/**
 * How postings reach an account (热点账户 hot-account techniques).
 * <ul>
 * <li>NORMAL: one transaction per posting, row lock.</li>
 * <li>ADD_FREQUENT: summary posting (汇总记账); balance-raising legs become pending details that
 *     an aggregator folds into the journal in batches.</li>
 * <li>SUBTRACT_FREQUENT: split into sub-accounts; the leg goes to one chosen by hash and falls
 *     over to a sibling when that one is short.</li>
 * <li>BOTH: sub-accounts whose balance-raising legs are summary-posted.</li>
 * <li>BUFFERED: buffered posting (缓冲记账) through a queue, applied asynchronously in order.</li>
 * </ul>
 * Every mode except NORMAL goes through the account's group-commit writer.
 */
public enum PostingMode {
    NORMAL, ADD_FREQUENT, SUBTRACT_FREQUENT, BOTH, BUFFERED;

    public boolean summarizesCredits() {
        return this == ADD_FREQUENT || this == BOTH;
    }

    public boolean split() {
        return this == SUBTRACT_FREQUENT || this == BOTH;
    }

    public boolean hot() {
        return this != NORMAL;
    }
}
