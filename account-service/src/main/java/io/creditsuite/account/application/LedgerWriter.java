package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.EntryContext;
import io.creditsuite.account.domain.FoldOnShortage;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.LoanRepayment;
import io.creditsuite.account.domain.LoanRepaymentEvents;
import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.PostingEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of postings in ONE local transaction: the naive path is a batch of one, a hot
 * account's group-commit writer hands in many. Per batch: one read of stored vouchers, one
 * locking read of every account that changes (ascending id), one batched journal insert, one
 * batched conditional balance update, one commit (one fsync).
 *
 * <p>Guarantees: a posting of the batch is either fully in the journal or not at all (a refused
 * posting changes nothing, the others go on); the database keeps the last word (unique voucher,
 * unique (account, version), version-conditional updates, CHECK on overdraft), so a second
 * instance or a bug makes the transaction fail instead of corrupting the books.
 */
public class LedgerWriter {
    private final AccountRepository accounts;
    private final JournalRepository journal;
    private final PendingCreditRepository pendingCredits;
    private final AccountingCalendar calendar;
    private final AccountDirectory directory;
    private final PostingEngine engine = new PostingEngine();
    private final FoldOnShortage foldOnShortage;
    private final LoanRepaymentEvents repayments;

    public LedgerWriter(AccountRepository accounts, JournalRepository journal, PendingCreditRepository pendingCredits,
                        AccountingCalendar calendar, AccountDirectory directory, LoanRepaymentEvents repayments) {
        this.repayments = repayments;
        this.directory = directory;
        this.accounts = accounts;
        this.journal = journal;
        this.pendingCredits = pendingCredits;
        this.calendar = calendar;
        this.foldOnShortage = new FoldOnShortage(engine, pendingCredits);
    }

    /** Applies the batch, looking up every voucher first (replay or VOUCHER_REUSED). */
    @Transactional
    public List<WriteOutcome> write(List<ResolvedPosting> batch) {
        BatchView read = read(batch);
        return apply(batch, read, storedDigests(read));
    }

    /**
     * Applies the batch without the voucher look-up: the unique keys catch a voucher seen before (the
     * transaction then fails with a duplicate key and the caller re-runs the postings with {@link #write}).
     * A posting whose legs would all become detail rows is still looked up, since no journal key would catch it.
     */
    @Transactional
    public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
        BatchView read = read(batch);
        boolean noKeyWouldCatchOne = batch.stream().anyMatch(c -> allLegsSummarized(c, read.accounts()));
        return apply(batch, read, noKeyWouldCatchOne ? storedDigests(read) : new HashMap<>());
    }

    /** The date in force, the batch's accounts (locked where they change now), the vouchers of its non-reversal postings. */
    private record BatchView(LocalDate date, Map<Long, Account> accounts, Set<String> vouchers) {
    }

    private BatchView read(List<ResolvedPosting> batch) {
        LocalDate date = calendar.dateInForce();
        Set<String> vouchers = new LinkedHashSet<>();
        Set<Long> ids = new HashSet<>();
        for (ResolvedPosting c : batch) {
            if (!c.reversal()) {
                vouchers.add(c.posting().voucherNo());
            }
            c.posting().legs().forEach(leg -> ids.add(leg.accountId()));
        }
        return new BatchView(date, accountsForBatch(batch, ids), vouchers);
    }

    /** Digest of every voucher of the batch already stored, as journal entries or (summarized) detail rows. */
    private Map<String, String> storedDigests(BatchView read) {
        Map<String, String> stored = new HashMap<>(journal.digestsOf(read.vouchers()));
        if (read.accounts().values().stream().anyMatch(a -> a.mode().summarizesCredits())) {
            // a voucher whose legs are all summarized leaves only detail rows until it is folded
            stored.putAll(pendingCredits.digestsOf(read.vouchers()));
        }
        return stored;
    }

    private List<WriteOutcome> apply(List<ResolvedPosting> batch, BatchView read, Map<String, String> stored) {
        LocalDate date = read.date();
        Map<Long, Account> view = read.accounts();
        List<JournalEntry> entries = new ArrayList<>();
        List<PendingCredit> details = new ArrayList<>();
        List<PendingCredit> folded = new ArrayList<>();
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        // where each posting's own entries sit in `entries`: [from, to), to hand back their stored ids
        int[][] ranges = new int[batch.size()][];
        for (ResolvedPosting c : batch) {
            String voucher = c.posting().voucherNo();
            String prior = c.reversal() ? null : stored.get(voucher);
            if (prior != null) {
                outcomes.add(prior.equals(c.digest()) ? new WriteOutcome.Replayed()
                        : new WriteOutcome.Refused(new LedgerException(LedgerError.VOUCHER_REUSED,
                        "voucher " + voucher + " was posted with a different body")));
                continue;
            }
            EntryContext context = new EntryContext(date, c.traceId());
            FoldOnShortage.Attempt attempt = foldOnShortage.apply(() -> applyOne(c, view, context), view, folded);
            // a fold stands even when the posting is still refused: it only moved money the account held
            entries.addAll(attempt.foldEntries());
            folded.addAll(attempt.folded());
            if (attempt.refused()) {
                outcomes.add(new WriteOutcome.Refused(attempt.refusal()));
                continue;
            }
            PostingEngine.Applied applied = attempt.applied();
            ranges[outcomes.size()] = new int[] {entries.size(), entries.size() + applied.entries().size()};
            entries.addAll(applied.entries());
            details.addAll(applied.pending());
            if (!c.reversal()) {
                stored.put(voucher, c.digest());
            }
            outcomes.add(new WriteOutcome.Posted(applied.entries(), applied.pending()));
        }
        List<JournalEntry> inserted = journal.insertAll(entries);
        pendingCredits.delete(folded);
        pendingCredits.insertAll(details);
        accounts.saveChanged(view.values());
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof WriteOutcome.Posted posted) {
                outcomes.set(i, new WriteOutcome.Posted(inserted.subList(ranges[i][0], ranges[i][1]), posted.pending()));
                ResolvedPosting c = batch.get(i);
                if (!c.reversal()) {
                    LoanRepayment.of(c.posting()).ifPresent(r -> repayments.repaid(r, date, c.traceId()));
                }
            }
        }
        return outcomes;
    }

    private PostingEngine.Applied applyOne(ResolvedPosting c, Map<Long, Account> view, EntryContext context) {
        return c.reversal()
                ? engine.applyReversal(c.posting(), c.digest(), view, context, c.reversedEntryIds())
                : engine.apply(c.posting(), c.digest(), view, context);
    }

    /**
     * Reads the batch's accounts; locks (ascending id) those whose balance changes now. A leg that
     * raises a summary-posted account only adds a detail row, so that account is not locked: that
     * is what keeps its row cold.
     */
    private Map<Long, Account> accountsForBatch(List<ResolvedPosting> batch, Set<Long> ids) {
        // only accounts the directory says are summary-posted are read without a lock first; the
        // read decides (a stale hint costs a lock, never a rule)
        Set<Long> hinted = new HashSet<>();
        for (long id : ids) {
            if (directory.route(id).mode().summarizesCredits()) {
                hinted.add(id);
            }
        }
        Map<Long, Account> seen = hinted.isEmpty() ? new HashMap<>() : accounts.findAll(hinted);
        Set<Long> toLock = new HashSet<>(ids);
        toLock.removeAll(seen.keySet());
        for (ResolvedPosting c : batch) {
            for (Leg leg : c.posting().legs()) {
                Account a = seen.get(leg.accountId());
                if (a != null && !summarized(a, leg)) {
                    toLock.add(a.id());
                }
            }
        }
        Map<Long, Account> view = new HashMap<>(seen);
        view.putAll(accounts.lockAscending(toLock));
        return view;
    }

    private static boolean summarized(Account a, Leg leg) {
        return a.mode().summarizesCredits() && a.signedEffect(leg.side(), leg.amountMinor()) > 0;
    }

    private static boolean allLegsSummarized(ResolvedPosting c, Map<Long, Account> view) {
        for (Leg leg : c.posting().legs()) {
            Account a = view.get(leg.accountId());
            if (a == null || !summarized(a, leg)) {
                return false;
            }
        }
        return true;
    }

    /** The aggregator's step: folds up to {@code max} details of one account under its row lock. */
    @Transactional
    public int fold(long accountId, int max) {
        Account account = accounts.lockAscending(List.of(accountId)).get(accountId);
        if (account == null) {
            return 0;
        }
        List<PendingCredit> waiting = pendingCredits.oldest(accountId, max);
        if (waiting.isEmpty()) {
            return 0;
        }
        journal.insertAll(engine.fold(account, waiting));
        pendingCredits.delete(waiting);
        accounts.saveChanged(List.of(account));
        return waiting.size();
    }
}
