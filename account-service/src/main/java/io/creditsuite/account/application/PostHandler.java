package io.creditsuite.account.application;

import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.SubAccountPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: post a balanced posting. Chooses the path: a posting that touches no hot account is
 * one transaction of its own (row locks in ascending id); one that touches a hot account goes
 * through that account's group-commit lane. A leg on a split account (SUBTRACT_FREQUENT, BOTH)
 * goes to the sub-account its voucher hashes to and falls over to the next when that one is
 * short; a sub-account left under its threshold triggers a collection (归集).
 */
public class PostHandler {
    /** Writer threads per lane: a summary-posted account is not locked by its credits, so lanes can run in parallel. */
    static final int SUMMARY_WRITERS = Integer.getInteger("credit-suite.ledger.summary-writers", 2);

    private final AccountDirectory directory;
    private final BatchRunner runner;
    private final GroupCommitWriters lanes;
    private final JournalRepository journal;
    private final PendingCreditRepository pendingCredits;
    private final CollectionHandler collections;
    private final HotDetector hotDetector;
    private final BufferedPostingGate buffered;

    public PostHandler(AccountDirectory directory, BatchRunner runner, GroupCommitWriters lanes,
                       JournalRepository journal, PendingCreditRepository pendingCredits,
                       CollectionHandler collections, HotDetector hotDetector, BufferedPostingGate buffered) {
        this.buffered = buffered;
        this.directory = directory;
        this.runner = runner;
        this.lanes = lanes;
        this.journal = journal;
        this.pendingCredits = pendingCredits;
        this.collections = collections;
        this.hotDetector = hotDetector;
    }

    public PostingReceipt post(PostCommand command) {
        Posting requested = command.posting();
        String digest = requested.digest();
        Long bufferedAccount = buffered.bufferedAccount(requested.legs());
        if (bufferedAccount != null) {
            // legs on split accounts go to the sub-account the voucher hashes to now, at acceptance: the
            // consumer's writer only posts to real rows (no fail-over on this path; a short sub-account is
            // refused when applied and counted as an ALERT)
            return buffered.accept(ResolvedPosting.of(resolve(requested, 0), digest, command.traceId()), bufferedAccount);
        }
        for (int attempt = 0; ; attempt++) {
            Posting resolved = resolve(requested, attempt);
            WriteOutcome outcome = write(ResolvedPosting.of(resolved, digest, command.traceId()));
            if (outcome instanceof WriteOutcome.Refused refused) {
                LedgerException reason = refused.reason();
                if (SubAccountPolicy.failsOver(reason.error(), onSubAccount(reason.accountId()), attempt,
                        maxSubAccounts(requested))) {
                    continue;
                }
                if (reason.error() == LedgerError.INSUFFICIENT_BALANCE) {
                    return PostingReceipt.insufficient(requested.voucherNo());
                }
                throw reason;
            }
            if (outcome instanceof WriteOutcome.Replayed) {
                return new PostingReceipt(requested.voucherNo(), PostingReceipt.Outcome.POSTED, true,
                        journal.byVoucher(requested.voucherNo()), pendingCredits.byVoucher(requested.voucherNo()));
            }
            WriteOutcome.Posted posted = (WriteOutcome.Posted) outcome;
            posted.entries().forEach(e -> {
                hotDetector.record(e.accountId());
                collections.checkAfter(e);
            });
            posted.pending().forEach(p -> hotDetector.record(p.accountId()));
            return new PostingReceipt(requested.voucherNo(), PostingReceipt.Outcome.POSTED, false, posted.entries(),
                    posted.pending());
        }
    }

    /** Runs a resolved posting on its path: a hot account's lane, or a transaction of its own. */
    WriteOutcome write(ResolvedPosting command) {
        for (Leg leg : command.posting().legs()) {
            AccountDirectory.Route route = directory.route(leg.accountId());
            if (route.mode().hot() || route.parentId() != null) {
                // one lane per hot account: the sub-accounts of a split account share their parent's, so
                // a batch gathers the whole account's traffic instead of an eighth of it
                long lane = route.parentId() != null ? route.parentId() : leg.accountId();
                int writers = route.mode().summarizesCredits() ? SUMMARY_WRITERS : 1;
                return lanes.submit(lane, writers, command);
            }
        }
        return runner.run(List.of(command)).get(0);
    }

    /** Moves legs on split accounts to the sub-account {@link SubAccountPolicy} picks for this attempt. */
    private Posting resolve(Posting posting, int attempt) {
        List<Leg> legs = new ArrayList<>(posting.legs().size());
        boolean moved = false;
        for (Leg leg : posting.legs()) {
            AccountDirectory.Route route = directory.route(leg.accountId());
            if (route.mode().split() && !route.subAccountIds().isEmpty()) {
                legs.add(leg.on(SubAccountPolicy.choice(posting.voucherNo(), route.subAccountIds(), attempt)));
                moved = true;
            } else {
                legs.add(leg);
            }
        }
        return moved ? new Posting(posting.voucherNo(), posting.postingType(), legs) : posting;
    }

    private boolean onSubAccount(Long accountId) {
        return accountId != null && directory.route(accountId).parentId() != null;
    }

    private int maxSubAccounts(Posting posting) {
        int max = 1;
        for (Leg leg : posting.legs()) {
            AccountDirectory.Route route = directory.route(leg.accountId());
            if (route.mode().split()) {
                max = Math.max(max, route.subAccountIds().size());
            }
        }
        return max;
    }

    /** Unknown accounts fail fast, before any lock (the writer checks again under its locks). */
    static void requireKnown(AccountDirectory directory, Posting posting) {
        for (Leg leg : posting.legs()) {
            if (!directory.route(leg.accountId()).exists()) {
                throw new LedgerException(LedgerError.ACCOUNT_NOT_FOUND, "account " + leg.accountId() + " does not exist");
            }
        }
    }
}
