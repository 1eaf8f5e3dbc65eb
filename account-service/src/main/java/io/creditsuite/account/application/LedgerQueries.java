package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.BufferedRefusal;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.ChainVerifier;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PendingCreditRepository;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Use cases that only read: balances, statement pages, entries by voucher, the chain verifier. */
public class LedgerQueries {
    public static final int MAX_PAGE = 500;

    /** An account with its balances; for a split account, sums over its sub-accounts. */
    public record Balances(Account account, long availableMinor, long frozenMinor, long inTransitMinor,
                           long pendingMinor, long balanceMinor, int subAccounts) {
    }

    private final AccountRepository accounts;
    private final JournalRepository journal;
    private final PendingCreditRepository pendingCredits;
    private final BufferedRefusalRepository refusals;

    public LedgerQueries(AccountRepository accounts, JournalRepository journal, PendingCreditRepository pendingCredits,
                         BufferedRefusalRepository refusals) {
        this.accounts = accounts;
        this.journal = journal;
        this.pendingCredits = pendingCredits;
        this.refusals = refusals;
    }

    public Balances balances(long accountId) {
        Account a = require(accountId);
        List<Long> subs = a.mode().split() ? accounts.subAccountIds(accountId) : List.of();
        if (subs.isEmpty()) {
            return new Balances(a, a.availableMinor(), a.frozenMinor(), a.inTransitMinor(), pendingCredits.sum(accountId),
                    a.balanceMinor(), 0);
        }
        long available = 0, frozen = 0, inTransit = 0, pending = 0;
        Map<Long, Account> children = accounts.findAll(subs);
        for (Account c : children.values()) {
            available = Math.addExact(available, c.availableMinor());
            frozen = Math.addExact(frozen, c.frozenMinor());
            inTransit = Math.addExact(inTransit, c.inTransitMinor());
            pending = Math.addExact(pending, pendingCredits.sum(c.id()));
        }
        return new Balances(a, available, frozen, inTransit, pending, Math.addExact(available, frozen), subs.size());
    }

    public List<JournalEntry> statement(long accountId, long afterVersion, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE || afterVersion < 0) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "page size must be 1.." + MAX_PAGE
                    + " and afterVersion >= 0");
        }
        require(accountId);
        return journal.page(accountId, afterVersion, pageSize);
    }

    public List<JournalEntry> entriesByVoucher(String voucherNo) {
        return journal.byVoucher(voucherNo);
    }

    public List<PendingCredit> pendingByVoucher(String voucherNo) {
        return pendingCredits.byVoucher(voucherNo);
    }

    /** The refusal of a buffered posting that was accepted and refused when applied. */
    public Optional<BufferedRefusal> bufferedRefusal(String voucherNo) {
        return refusals.find(voucherNo);
    }

    /**
     * Walks the journal of one account, then its pending details (the chain verifier); the account row is read
     * before the walk.
     */
    public ChainVerifier.Verdict verifyChain(long accountId) {
        ChainVerifier.Verdict verdict = walk(require(accountId));
        if (!verdict.intact() && verdict.brokenEntryId() == null && verdict.brokenDetailId() == null) {
            // postings may have landed during the walk: walk once more against a fresh read
            return walk(require(accountId));
        }
        return verdict;
    }

    /**
     * The incremental walk: from the entry of {@code verifiedVersion}, which must still have {@code verifiedHash},
     * to the end (then the pending details); {@code verifiedVersion} 0 walks the whole chain.
     */
    public ChainVerifier.Verdict verifyChainAfter(long accountId, long verifiedVersion, String verifiedHash) {
        if (verifiedVersion == 0) {
            return verifyChain(accountId);
        }
        ChainVerifier.Verdict verdict = walkAfter(require(accountId), verifiedVersion, verifiedHash);
        if (!verdict.intact() && verdict.brokenEntryId() == null && verdict.brokenDetailId() == null) {
            return walkAfter(require(accountId), verifiedVersion, verifiedHash);
        }
        return verdict;
    }

    private ChainVerifier.Verdict walkAfter(Account account, long verifiedVersion, String verifiedHash) {
        List<JournalEntry> at = journal.page(account.id(), verifiedVersion - 1, 1);
        if (at.isEmpty() || at.get(0).version() != verifiedVersion) {
            return new ChainVerifier.Verdict(false, 0, null, verifiedVersion, null, "the verified entry (version "
                    + verifiedVersion + ") is gone");
        }
        ChainVerifier verifier = ChainVerifier.continuingAfter(account, at.get(0), verifiedHash);
        journal.walkAfter(account.id(), verifiedVersion, verifier::accept);
        pendingCredits.walk(account.id(), verifier::acceptDetail);
        return verifier.verdict();
    }

    private ChainVerifier.Verdict walk(Account account) {
        ChainVerifier verifier = new ChainVerifier(account);
        journal.walk(account.id(), verifier::accept);
        pendingCredits.walk(account.id(), verifier::acceptDetail);
        return verifier.verdict();
    }

    private Account require(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new LedgerException(LedgerError.ACCOUNT_NOT_FOUND,
                "account " + accountId + " does not exist"));
    }
}
