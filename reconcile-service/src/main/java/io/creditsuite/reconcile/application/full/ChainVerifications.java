package io.creditsuite.reconcile.application.full;

/** The ledger's own chain walk (account-service owns the chain's hash format), asked over Dubbo. */
public interface ChainVerifications {
    /** What the walk found; {@code checked} entries and details walked. */
    record Verdict(boolean intact, long checked, Long brokenEntryId, String reason) {
    }

    /**
     * Walks the account's chain after the entry of {@code verifiedVersion} with {@code verifiedHash} (0 and null: the
     * whole chain).
     *
     * @throws RuntimeException when the ledger cannot be asked (the run fails, which is itself an alert)
     */
    Verdict verifyAfter(long accountId, long verifiedVersion, String verifiedHash);
}
