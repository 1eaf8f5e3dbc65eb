package io.creditsuite.account.domain;

/**
 * Walks one account's journal in version order and names the first broken link.
 *
 * <p>Checks, for each entry e after its predecessor p (p of the first entry: version 0, balance 0, GENESIS):
 * <pre>
 *   e.version = p.version + 1;  e.balanceBefore = p.balanceAfter;  e.previousHash = p.hash
 *   e.balanceAfter = e.balanceBefore +/- e.amount (by the account's normal side);  e.hash = H(e)
 *   and at the end: last.balanceAfter = account.balance, last.version = account.version, last.hash = account.lastHash
 * </pre>
 */
public final class ChainVerifier {

    public record Verdict(boolean intact, long checked, Long brokenEntryId, Long brokenVersion, String reason) {
    }

    private final Account account;
    private long version;
    private long balance;
    private String hash = ChainHash.GENESIS;
    private long checked;
    private Verdict broken;

    public ChainVerifier(Account account) {
        this.account = account;
    }

    /** Feeds the next entry; returns false once the chain is broken (stop feeding). */
    public boolean accept(JournalEntry e) {
        if (broken != null) {
            return false;
        }
        checked++;
        String reason = null;
        if (e.version() != version + 1) {
            reason = "version " + e.version() + " follows version " + version;
        } else if (e.balanceBeforeMinor() != balance) {
            reason = "balance before " + e.balanceBeforeMinor() + " differs from the previous balance after " + balance;
        } else if (!e.previousHash().equals(hash)) {
            reason = "previous hash does not match the previous entry's hash";
        } else if (e.balanceAfterMinor() != e.balanceBeforeMinor() + account.signedEffect(e.side(), e.amountMinor())) {
            reason = "balance after " + e.balanceAfterMinor() + " is not balance before " + e.balanceBeforeMinor()
                    + " " + e.side() + " " + e.amountMinor();
        } else if (!ChainHash.of(e).equals(e.hash())) {
            reason = "hash does not match the entry's fields (the row was altered)";
        }
        if (reason != null) {
            broken = new Verdict(false, checked, e.id(), e.version(), reason);
            return false;
        }
        version = e.version();
        balance = e.balanceAfterMinor();
        hash = e.hash();
        return true;
    }

    public Verdict verdict() {
        if (broken != null) {
            return broken;
        }
        if (version != account.version() || balance != account.balanceMinor() || !hash.equals(account.lastHash())) {
            return new Verdict(false, checked, null, account.version(), "the account (version " + account.version()
                    + ", balance " + account.balanceMinor() + ") does not match its last entry (version " + version
                    + ", balance after " + balance + ")");
        }
        return new Verdict(true, checked, null, null, null);
    }
}
