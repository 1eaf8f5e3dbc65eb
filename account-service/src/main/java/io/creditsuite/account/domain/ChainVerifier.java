package io.creditsuite.account.domain;

/**
 * Walks one account's journal in version order, then its pending summary details, and names the first broken row.
 *
 * <p>Checks, for each entry e after its predecessor p (p of the first entry: version 0, balance 0, GENESIS, and
 * sub-balances unknown), with {@code s = account.signedEffect(e.side, e.amount)}:
 * <pre>
 *   e.version = p.version + 1;  e.balanceBefore = p.balanceAfter;  e.previousHash = p.hash
 *   e.balanceAfter = e.balanceBefore + (e.movement.changesBalance ? s : 0);  e.movement.allows(s)
 *   e.hash = e.chainFormat.hash(e)                                            (see ChainFormat)
 *   V1 rows only before the first V2 row; a V1 row has movement POSTING and no sub-balances
 *   V2 row: e.subBalancesAfter.balance = e.balanceAfter, frozen &gt;= 0, inTransit &gt;= 0, and
 *           e.subBalancesAfter = e.movement.after(p.subBalancesAfter, s, e.amount)          when p is a V2 row
 *           e.movement.before(e.subBalancesAfter, s, e.amount) has balance e.balanceBefore  otherwise (the start of
 *           the V2 chain: sub-balances moved before V55 left no record, so they are taken as the first row states)
 *   at the end: last.balanceAfter = account.balance, last.version = account.version, last.hash = account.lastHash,
 *               and (last is V2) last.subBalancesAfter = (account.available, account.frozen, account.inTransit)
 *   each pending detail d of the account: d.hash = ChainFormat.detailHash(d)
 * </pre>
 * So a change to any covered column of an entry, of a detail, or to a sub-balance of the account row is named.
 */
public final class ChainVerifier {

    /**
     * @param brokenEntryId  the first journal entry that breaks the chain (null: intact, or the account row or a
     *                       detail is what is wrong)
     * @param brokenDetailId the pending detail whose hash does not match (null otherwise)
     */
    public record Verdict(boolean intact, long checked, Long brokenEntryId, Long brokenVersion, Long brokenDetailId,
                          String reason) {
    }

    private final Account account;
    private long version;
    private long balance;
    private String hash = ChainHash.GENESIS;
    /** The sub-balances after the last V2 entry; null before the first one (unknown). */
    private SubBalances subBalances;
    private boolean v2Seen;
    private long checked;
    private Verdict broken;

    public ChainVerifier(Account account) {
        this.account = account;
    }

    /**
     * A verifier that goes on from an entry an earlier walk verified (the incremental check): the entry must still
     * carry the hash then verified and its fields must still make it; the chain state after it is taken from it.
     */
    public static ChainVerifier continuingAfter(Account account, JournalEntry verified, String verifiedHash) {
        ChainVerifier verifier = new ChainVerifier(account);
        verifier.checked = 1;
        if (!verified.hash().equals(verifiedHash) || !ChainHash.of(verified).equals(verified.hash())) {
            verifier.broken = new Verdict(false, 1, verified.id(), verified.version(), null, "entry " + verified.id()
                    + ": it is not the entry verified before (hash changed or no longer matches its fields)");
            return verifier;
        }
        verifier.version = verified.version();
        verifier.balance = verified.balanceAfterMinor();
        verifier.hash = verified.hash();
        verifier.subBalances = verified.subBalancesAfter();
        verifier.v2Seen = verified.chainFormat() != ChainFormat.V1;
        return verifier;
    }

    /** Feeds the next entry; returns false once the chain is broken (stop feeding). */
    public boolean accept(JournalEntry e) {
        if (broken != null) {
            return false;
        }
        checked++;
        String reason;
        try {
            reason = linkProblem(e);
            if (reason == null && !ChainHash.of(e).equals(e.hash())) {
                reason = "hash does not match the entry's fields (the row was altered)";
            }
            if (reason == null) {
                reason = e.chainFormat() == ChainFormat.V1 ? legacyProblem(e) : subBalanceProblem(e);
            }
        } catch (ArithmeticException overflow) {
            reason = "its amounts overflow a long";
        }
        if (reason != null) {
            broken = new Verdict(false, checked, e.id(), e.version(), null, "entry " + e.id() + ": " + reason);
            return false;
        }
        version = e.version();
        balance = e.balanceAfterMinor();
        hash = e.hash();
        subBalances = e.subBalancesAfter();
        v2Seen |= e.chainFormat() != ChainFormat.V1;
        return true;
    }

    /** Feeds a pending detail of the account (after the entries); returns false once something is broken. */
    public boolean acceptDetail(PendingCredit d) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (d.accountId() != account.id() || !d.intact()) {
            broken = new Verdict(false, checked, null, null, d.id(), "pending_credit " + d.id()
                    + " does not match its hash (the row was altered)");
            return false;
        }
        return true;
    }

    private String linkProblem(JournalEntry e) {
        if (e.version() != version + 1) {
            return "version " + e.version() + " follows version " + version;
        }
        if (e.balanceBeforeMinor() != balance) {
            return "balance before " + e.balanceBeforeMinor() + " differs from the previous balance after " + balance;
        }
        if (!e.previousHash().equals(hash)) {
            return "previous hash does not match the previous entry's hash";
        }
        long signed = account.signedEffect(e.side(), e.amountMinor());
        long expected = e.movement().changesBalance() ? Math.addExact(e.balanceBeforeMinor(), signed) : e.balanceBeforeMinor();
        if (e.balanceAfterMinor() != expected || !e.movement().allows(signed)) {
            return "balance after " + e.balanceAfterMinor() + " is not balance before " + e.balanceBeforeMinor() + " "
                    + e.movement() + " " + e.side() + " " + e.amountMinor();
        }
        return null;
    }

    private String legacyProblem(JournalEntry e) {
        if (v2Seen) {
            return "a chain format 1 row follows a format 2 row";
        }
        if (e.movement() != EntryMovement.POSTING || e.subBalancesAfter() != null) {
            return "a chain format 1 row carries a movement or sub-balances its hash does not cover";
        }
        return null;
    }

    private String subBalanceProblem(JournalEntry e) {
        SubBalances after = e.subBalancesAfter();
        if (after == null) {
            return "a chain format 2 row without sub-balances";
        }
        if (after.balanceMinor() != e.balanceAfterMinor() || after.frozenMinor() < 0 || after.inTransitMinor() < 0) {
            return "sub-balances " + after + " do not make balance after " + e.balanceAfterMinor();
        }
        long signed = account.signedEffect(e.side(), e.amountMinor());
        if (subBalances != null) {
            SubBalances expected = e.movement().after(subBalances, signed, e.amountMinor());
            return expected.equals(after) ? null : "sub-balances " + after + " are not " + subBalances + " after "
                    + e.movement() + " " + e.amountMinor() + " (expected " + expected + ")";
        }
        SubBalances implied = e.movement().before(after, signed, e.amountMinor());
        return implied.balanceMinor() == e.balanceBeforeMinor() && implied.frozenMinor() >= 0 && implied.inTransitMinor() >= 0
                ? null : "sub-balances " + after + " cannot follow balance " + e.balanceBeforeMinor() + " by " + e.movement();
    }

    public Verdict verdict() {
        if (broken != null) {
            return broken;
        }
        if (version != account.version() || balance != account.balanceMinor() || !hash.equals(account.lastHash())) {
            return new Verdict(false, checked, null, account.version(), null, "the account (version " + account.version()
                    + ", balance " + account.balanceMinor() + ") does not match its last entry (version " + version
                    + ", balance after " + balance + ")");
        }
        if (subBalances != null && !subBalances.equals(account.subBalances())) {
            return new Verdict(false, checked, null, account.version(), null, "the account's sub-balances "
                    + account.subBalances() + " do not match its last entry's " + subBalances);
        }
        return new Verdict(true, checked, null, null, null, null);
    }
}
