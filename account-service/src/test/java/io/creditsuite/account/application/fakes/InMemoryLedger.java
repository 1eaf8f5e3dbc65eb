package io.creditsuite.account.application.fakes;

import io.creditsuite.account.application.AccountDirectory;
import io.creditsuite.account.application.BatchRunner;
import io.creditsuite.account.application.BufferedPostingGate;
import io.creditsuite.account.application.ChangeAccountStatusHandler;
import io.creditsuite.account.application.CollectionHandler;
import io.creditsuite.account.application.GroupCommitWriters;
import io.creditsuite.account.application.HotDetector;
import io.creditsuite.account.application.LedgerQueries;
import io.creditsuite.account.application.LedgerWriter;
import io.creditsuite.account.application.PostCommand;
import io.creditsuite.account.application.PostHandler;
import io.creditsuite.account.application.PostingReceipt;
import io.creditsuite.account.application.PostingTransactions;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.application.RestoreNormalModeHandler;
import io.creditsuite.account.application.ReverseHandler;
import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.application.WriteOutcome;
import io.creditsuite.account.domain.Accounts;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.LoanRepayment;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import io.creditsuite.account.domain.StatusChange;
import io.creditsuite.account.domain.Transfer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledger's use cases wired to in-memory fakes, as {@code AccountUseCaseConfiguration} wires them to the
 * adapters; {@link InMemoryTransactions} stands in for {@code @Transactional}, so a use case that throws leaves
 * nothing behind. No Spring, no threads unless a hot account's lane is used (none of these tests does).
 */
public final class InMemoryLedger implements AutoCloseable {
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    public final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    public final InMemoryJournalRepository journal = new InMemoryJournalRepository();
    public final InMemoryPendingCreditRepository pending = new InMemoryPendingCreditRepository();
    public final InMemoryTransferRepository transfers = new InMemoryTransferRepository();
    public final InMemoryStatusChangeLog statusLog = new InMemoryStatusChangeLog(Instant.parse("2026-12-02T08:00:00Z"));
    public final InMemoryBufferedRefusalRepository refusals = new InMemoryBufferedRefusalRepository();
    public final RecordingLedgerEvents events = new RecordingLedgerEvents();
    public final RecordingTransferEvents transferEvents = new RecordingTransferEvents();
    /** The loan repayments the writer told, in order. */
    public final List<LoanRepayment> repayments = new CopyOnWriteArrayList<>();
    public final List<ResolvedPosting> bufferedQueue = new ArrayList<>();
    public final InMemoryTransactions tx = new InMemoryTransactions(accounts, journal, pending, transfers, statusLog,
            refusals);
    private final FixedAccountingCalendar calendar = new FixedAccountingCalendar(TODAY);

    private final AccountDirectory directory = new AccountDirectory(accounts);
    private final LedgerWriter writer = new LedgerWriter(accounts, journal, pending, calendar, directory,
            (repayment, date, traceId) -> repayments.add(repayment));
    private final PostingTransactions writes = new PostingTransactions() {
        @Override
        public List<WriteOutcome> write(List<ResolvedPosting> batch) {
            return tx.call(() -> writer.write(batch));
        }

        @Override
        public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
            return tx.call(() -> writer.writeTrustingUniqueKeys(batch));
        }
    };
    private final BatchRunner runner = new BatchRunner(writes);
    private final GroupCommitWriters lanes = new GroupCommitWriters(runner);
    private final CollectionHandler collections = new CollectionHandler(directory, accounts, runner, events);
    private final HotDetector hotDetector = new HotDetector(directory, accounts,
            new RestoreNormalModeHandler(calendar, writer, accounts, pending), events);

    public final PostHandler postHandler = new PostHandler(directory, runner, lanes, journal, pending, collections,
            hotDetector, new BufferedPostingGate(directory, accounts, (command, orderKey) -> bufferedQueue.add(command),
            runner, refusals, new InMemoryBufferedOutflows(accounts)));
    public final ReverseHandler reverseHandler = new ReverseHandler(journal, pending, writer, runner);
    public final TransferHandler transferHandler = new TransferHandler(transfers, accounts, journal, calendar,
            transferEvents);
    public final ChangeAccountStatusHandler statusHandler = new ChangeAccountStatusHandler(accounts, pending, calendar, statusLog);
    public final LedgerQueries queries = new LedgerQueries(accounts, journal, pending, refusals);

    // --- given: accounts with money (stored directly: the state a test starts from)

    /** A customer's deposit account (LIABILITY: a CREDIT raises it) holding {@code availableMinor} CNY. */
    public long customer(long id, long availableMinor) {
        accounts.put(Accounts.liability(id).owner("customer-" + id).available(availableMinor).build());
        return id;
    }

    /** The bank's cash account (ASSET: a DEBIT raises it) holding {@code availableMinor} CNY. */
    public long cash(long id, long availableMinor) {
        accounts.put(Accounts.asset(id).owner("bank").available(availableMinor).build());
        return id;
    }

    // --- when: the use cases as the adapters call them (transactional ones inside a transaction)

    /** A withdrawal of {@code amountMinor} from customer {@code from} paid out of cash {@code cash}. */
    public static Posting withdrawal(String voucherNo, long from, long cash, long amountMinor) {
        return new Posting(voucherNo, "WITHDRAW", List.of(new Leg(from, Side.DEBIT, amountMinor, "CNY"),
                new Leg(cash, Side.CREDIT, amountMinor, "CNY")));
    }

    /** A deposit of {@code amountMinor} to customer {@code to} received in cash {@code cash}. */
    public static Posting deposit(String voucherNo, long to, long cash, long amountMinor) {
        return new Posting(voucherNo, "DEPOSIT", List.of(new Leg(cash, Side.DEBIT, amountMinor, "CNY"),
                new Leg(to, Side.CREDIT, amountMinor, "CNY")));
    }

    public PostingReceipt post(Posting posting) {
        return postHandler.post(new PostCommand(posting, "trace-" + posting.voucherNo()));
    }

    public PostingReceipt reverse(String voucherNo) {
        return reverse(voucherNo, "reversed in a test");
    }

    public PostingReceipt reverse(String voucherNo, String reason) {
        return reverseHandler.reverse(voucherNo, reason, "trace-reverse-" + voucherNo);
    }

    public void tryTransfer(Transfer t) {
        tx.run(() -> transferHandler.tryTransfer(t));
    }

    public void confirm(String transferId, Transfer.Direction direction) {
        tx.run(() -> transferHandler.confirm(transferId, direction, "trace-" + transferId));
    }

    public void cancel(String transferId, Transfer.Direction direction) {
        tx.run(() -> transferHandler.cancel(transferId, direction));
    }

    public ChangeAccountStatusHandler.Result changeStatus(StatusChange change) {
        return tx.call(() -> statusHandler.change(change));
    }

    // --- then

    public long available(long accountId) {
        return accounts.get(accountId).availableMinor();
    }

    public long frozen(long accountId) {
        return accounts.get(accountId).frozenMinor();
    }

    public long inTransit(long accountId) {
        return accounts.get(accountId).inTransitMinor();
    }

    @Override
    public void close() {
        lanes.close();
        collections.close();
    }
}
