package io.creditsuite.account.domain;

/**
 * How the writer routes postings of a hot account (热点账户): tuning configuration the account only carries, no rule
 * about money. {@code mode} picks the path (split into {@code subAccounts} sub-accounts, summarized credits, buffered),
 * {@code parentId} links a sub-account to its split account, and a sub-account whose available balance falls below
 * {@code collectBelowMinor} is topped up from its siblings ({@link SubAccountPolicy}).
 */
public record HotRouting(PostingMode mode, Long parentId, int subAccounts, long collectBelowMinor) {
    /** An account the writer posts to directly: no split, no parent, no collection. */
    public static final HotRouting NORMAL = new HotRouting(PostingMode.NORMAL, null, 0, 0);

    /** The same routing with another posting mode (a hot-mode switch). */
    public HotRouting withMode(PostingMode newMode) {
        return new HotRouting(newMode, parentId, subAccounts, collectBelowMinor);
    }
}
