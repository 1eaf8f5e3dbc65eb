package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.BufferedOutflows;
import io.creditsuite.account.domain.BufferedRefusal;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.WatermarkFloor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffered posting (缓冲记账): a posting on a BUFFERED account is accepted into the queue and the
 * caller gets ACCEPTED at once; {@link #apply} writes it later, in order per account.
 *
 * <p>Watermark floor (水位, {@link WatermarkFloor}): an outflow is accepted only while
 * <pre>
 *   available (as stored) - sum(outflows accepted and not yet applied) - amount &gt;= max(floor, -overdraft)
 * </pre>
 * so what still sits in the queue cannot overdraw the account. The sum is {@link BufferedOutflows}:
 * in the database, shared by every instance (each instance once counted only its own, so two of
 * them together could accept what was then refused when applied). An acceptance reserves before
 * it enqueues and gives the reservation back when the queue does not take the posting; applying
 * releases it after the posting's transaction committed, so the sum never undercounts.
 *
 * <p>A posting refused when applied (an account frozen meanwhile, a non-buffered leg short) is kept as a
 * {@link BufferedRefusal}: its caller heard ACCEPTED, so the refusal becomes the voucher's answer, for a query and
 * for a retry alike.
 */
public class BufferedPostingGate {
    private static final Logger log = LoggerFactory.getLogger(BufferedPostingGate.class);

    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final BufferedPostingQueue queue;
    private final BatchRunner runner;
    private final BufferedRefusalRepository refusals;
    private final BufferedOutflows outflows;
    private final AtomicLong refusedOnApply = new AtomicLong();

    public BufferedPostingGate(AccountDirectory directory, AccountRepository accounts, BufferedPostingQueue queue,
                               BatchRunner runner, BufferedRefusalRepository refusals, BufferedOutflows outflows) {
        this.directory = directory;
        this.accounts = accounts;
        this.queue = queue;
        this.runner = runner;
        this.refusals = refusals;
        this.outflows = outflows;
    }

    /** The buffered account among the legs, or null when the posting is not buffered. */
    Long bufferedAccount(List<Leg> legs) {
        for (Leg leg : legs) {
            if (directory.route(leg.accountId()).mode() == PostingMode.BUFFERED) {
                return leg.accountId();
            }
        }
        return null;
    }

    /** Accepts the posting into the queue, or refuses an outflow the floor does not allow. */
    PostingReceipt accept(ResolvedPosting command, long orderKey) {
        Optional<BufferedRefusal> refusedBefore = refusals.find(command.posting().voucherNo());
        if (refusedBefore.isPresent()) {
            LedgerException answer = refusedBefore.get().answerTo(command.digest());
            if (answer.error() != LedgerError.INSUFFICIENT_BALANCE) {
                throw answer;
            }
            return new PostingReceipt(command.posting().voucherNo(), PostingReceipt.Outcome.INSUFFICIENT_BALANCE, true,
                    List.of(), List.of());
        }
        String voucher = command.posting().voucherNo();
        List<Long> reserved = new ArrayList<>();
        try {
            for (Leg leg : command.posting().legs()) {
                if (directory.route(leg.accountId()).mode() != PostingMode.BUFFERED) {
                    continue;
                }
                Account account = accounts.find(leg.accountId()).orElseThrow(() -> new LedgerException(
                        LedgerError.ACCOUNT_NOT_FOUND, "account " + leg.accountId() + " does not exist"));
                account.requireAccepts(leg);
                long effect = account.signedEffect(leg.side(), leg.amountMinor());
                if (effect >= 0) {
                    continue;
                }
                BufferedOutflows.Reservation reservation = outflows.reserve(account.id(), voucher, -effect,
                        WatermarkFloor.of(account));
                if (reservation == BufferedOutflows.Reservation.REFUSED) {
                    return PostingReceipt.insufficient(voucher);
                }
                if (reservation == BufferedOutflows.Reservation.RESERVED) {
                    reserved.add(account.id());
                }
            }
            queue.enqueue(command, orderKey);
            reserved.clear();
            return new PostingReceipt(command.posting().voucherNo(), PostingReceipt.Outcome.ACCEPTED, false, List.of(),
                    List.of());
        } finally {
            // not enqueued (refused, or the queue did not take it): give back what this call reserved
            reserved.forEach(accountId -> outflows.release(accountId, voucher));
        }
    }

    /**
     * The consumer's step: writes buffered postings, in their queue order, as one batch (a
     * redelivery replays), then frees their reservations.
     *
     * @throws LedgerException LEDGER_BUSY when the batch could not be written; the queue redelivers it
     */
    public void applyAll(List<ResolvedPosting> commands) {
        // a voucher refused on apply keeps that answer: a retry accepted before the refusal was kept is not applied
        Set<String> refusedBefore = refusals.refusedAmong(commands.stream().map(c -> c.posting().voucherNo()).toList());
        // the first copy of a voucher in the batch decides: a later copy after a refused first one must not post
        // (the refusal would be kept while the voucher has entries); after a posted one it would only replay
        Set<String> firstCopies = new HashSet<>();
        List<ResolvedPosting> toApply = commands.stream()
                .filter(c -> !refusedBefore.contains(c.posting().voucherNo()) && firstCopies.add(c.posting().voucherNo()))
                .toList();
        List<WriteOutcome> outcomes = runner.run(toApply);
        for (WriteOutcome outcome : outcomes) {
            if (outcome instanceof WriteOutcome.Refused refused && refused.reason().error() == LedgerError.LEDGER_BUSY) {
                // before anything is released or counted: the redelivered batch comes back here whole
                // (postings of it that did commit then replay)
                throw refused.reason();
            }
        }
        List<BufferedRefusal> refused = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < toApply.size(); i++) {
            if (outcomes.get(i) instanceof WriteOutcome.Refused r && !BufferedRefusal.answersVoucher(r.reason().error())) {
                log.error("ALERT buffered posting {} was accepted but its voucher was posted with another body: {}",
                        toApply.get(i).posting().voucherNo(), r.reason().getMessage());
            } else if (outcomes.get(i) instanceof WriteOutcome.Refused r) {
                refused.add(new BufferedRefusal(toApply.get(i).posting().voucherNo(), toApply.get(i).digest(),
                        r.reason().error(), r.reason().getMessage(), now));
            }
        }
        // kept before anything is released: if this fails, the batch is redelivered whole and comes back here
        refusals.recordAll(refused);
        // every acceptance reserved once, so every application (posted, refused or replayed) releases once
        commands.forEach(this::releaseOutflows);
        for (BufferedRefusal r : refused) {
            refusedOnApply.incrementAndGet();
            log.error("ALERT buffered posting {} was accepted but refused when applied ({}): {}", r.voucherNo(),
                    r.error(), r.message());
        }
    }

    private void releaseOutflows(ResolvedPosting command) {
        for (Leg leg : command.posting().legs()) {
            if (directory.route(leg.accountId()).mode() == PostingMode.BUFFERED) {
                accounts.find(leg.accountId()).ifPresent(a -> {
                    if (a.signedEffect(leg.side(), leg.amountMinor()) < 0) {
                        outflows.release(a.id(), command.posting().voucherNo());
                    }
                });
            }
        }
    }

    /** Buffered postings accepted but refused when applied (should stay 0 thanks to the floor). */
    public long refusedOnApply() {
        return refusedOnApply.get();
    }
}
