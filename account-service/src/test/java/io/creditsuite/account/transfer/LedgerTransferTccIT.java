package io.creditsuite.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.infrastructure.rpc.LedgerTransferTccAction;
import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.middleware.Middleware;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.integration.tx.api.fence.hook.TccHook;
import org.apache.seata.integration.tx.api.fence.hook.TccHookManager;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.creditsuite.account.ledger.LedgerItSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TransOut / TransIn as TCC branches on the real Seata TC and MariaDB. The test plays the
 * initiator (TM): it begins the global transaction and calls the Dubbo provider bean on a thread
 * bound to the XID, as dubbo-filter-seata would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerTransferTccIT extends LedgerItSupport {

    /** Holds the try of one chosen transfer until its branch is cancelled: a try that arrives late, for real. */
    static final class HoldTry implements TccHook {
        static final ConcurrentHashMap<String, CountDownLatch> held = new ConcurrentHashMap<>();
        static final ConcurrentHashMap<String, String> holding = new ConcurrentHashMap<>();

        @Override
        public void beforeTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
            CountDownLatch latch = held.get(String.valueOf(context.getActionContext("transferId")));
            if (latch != null) {
                holding.put(xid, xid + "/" + branchId);
                try {
                    latch.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void afterTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
            CountDownLatch latch = held.get(String.valueOf(context.getActionContext("transferId")));
            if (latch != null) {
                latch.countDown();
            }
        }

        @Override public void afterTccPrepare(String x, Long b, String a, BusinessActionContext c) { }
        @Override public void beforeTccCommit(String x, Long b, String a, BusinessActionContext c) { }
        @Override public void afterTccCommit(String x, Long b, String a, BusinessActionContext c) { }
        @Override public void beforeTccRollback(String x, Long b, String a, BusinessActionContext c) { }
    }

    @BeforeAll
    static void registerHook() {
        TccHookManager.registerHook(new HoldTry());
    }

    @Autowired
    AccountTransferService transfers;
    @Autowired
    TransferHandler handler;
    @AfterEach
    void noTransactionLeftOnTheTestThread() {
        String left = RootContext.unbind();
        assertThat(left).isNull();
    }

    @Test
    void a_committed_transfer_freezes_in_try_and_posts_with_journal_in_confirm() throws Exception {
        Accounts a = accounts(1_000);
        String id = newId();
        GlobalTransaction tx = begin();

        transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 300, "CNY"));
        transfers.transIn(new TransferBranchRequest(id, a.payee, a.clearing, 300, "CNY"));
        assertThat(ledger.account(a.payer).availableMinor()).isEqualTo(700);
        assertThat(ledger.account(a.payer).frozenMinor()).isEqualTo(300);
        assertThat(ledger.account(a.payee).inTransitMinor()).isEqualTo(300);
        assertThat(ledger.account(a.payee).balanceMinor()).isZero();
        tx.commit();

        assertThat(tx.getLocalStatus()).isEqualTo(GlobalStatus.Committed);
        awaitPhase(id, TransferDirection.OUT, TransferPhase.CONFIRMED);
        awaitPhase(id, TransferDirection.IN, TransferPhase.CONFIRMED);
        assertThat(ledger.account(a.payer).balanceMinor()).isEqualTo(700);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
        assertThat(ledger.account(a.payee).balanceMinor()).isEqualTo(300);
        assertThat(ledger.account(a.payee).inTransitMinor()).isZero();
        assertThat(ledger.account(a.clearing).balanceMinor()).as("the clearing account nets to zero").isZero();
        assertThat(ledger.entriesByVoucher("#TCC-" + id + "-OUT").entries()).hasSize(2);
        assertThat(ledger.entriesByVoucher("#TCC-" + id + "-IN").entries()).hasSize(2);
        assertThat(fenceStatus(tx.getXid(), LedgerTransferTccAction.TRANS_OUT)).isEqualTo(2);
        for (long account : List.of(a.payer, a.payee, a.clearing)) {
            assertThat(ledger.verifyChain(account).intact()).isTrue();
        }

        // phase two delivered again changes nothing; a cancel never follows a confirm
        long rows = ledgerRows();
        handler.confirm(id, Transfer.Direction.OUT, "again");
        handler.confirm(id, Transfer.Direction.IN, "again");
        assertThatIllegalStateException().isThrownBy(() -> handler.cancel(id, Transfer.Direction.OUT));
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(ledger.account(a.payer).balanceMinor()).isEqualTo(700);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
    }

    @Test
    void a_rolled_back_transfer_releases_the_freeze_and_keeps_a_cancelled_record() throws Exception {
        Accounts a = accounts(1_000);
        String id = newId();
        long rows = ledgerRows();
        GlobalTransaction tx = begin();
        transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 400, "CNY"));
        transfers.transIn(new TransferBranchRequest(id, a.payee, a.clearing, 400, "CNY"));
        tx.rollback();

        awaitPhase(id, TransferDirection.OUT, TransferPhase.CANCELLED);
        awaitPhase(id, TransferDirection.IN, TransferPhase.CANCELLED);
        assertThat(ledger.account(a.payer).availableMinor()).isEqualTo(1_000);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
        assertThat(ledger.account(a.payee).inTransitMinor()).isZero();
        // no posting: only the balance-neutral records of the two tries and the two cancels, each on both of the
        // branch's accounts (TransferRecords)
        assertThat(ledgerRows()).isEqualTo(rows + 8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE voucher_no LIKE ?"
                + " AND balance_after_minor = balance_before_minor", Long.class, "#TCC-" + id + "-%")).isEqualTo(8);
        assertThat(fenceStatus(tx.getXid(), LedgerTransferTccAction.TRANS_OUT)).isEqualTo(3);

        handler.cancel(id, Transfer.Direction.OUT);
        assertThatIllegalStateException().isThrownBy(() -> handler.confirm(id, Transfer.Direction.OUT, "late"));
        assertThat(ledger.account(a.payer).availableMinor()).isEqualTo(1_000);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
    }

    @Test
    void a_failed_try_changes_nothing_and_its_cancel_is_an_empty_rollback() throws Exception {
        Accounts a = accounts(100);
        String id = newId();
        GlobalTransaction tx = begin();

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 101, "CNY")));
        tx.rollback();

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fenceStatus(tx.getXid(), LedgerTransferTccAction.TRANS_OUT) == 4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tcc_transfer WHERE transfer_id = ?", Integer.class, id)).isZero();
        assertThat(ledger.account(a.payer).availableMinor()).isEqualTo(100);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
    }

    @Test
    void a_try_arriving_after_its_cancel_is_refused_by_the_fence_and_freezes_nothing() throws Exception {
        Accounts a = accounts(1_000);
        String id = newId();
        HoldTry.held.put(id, new CountDownLatch(1));
        GlobalTransaction tx = begin();
        String xid = tx.getXid();
        RootContext.unbind();

        CompletableFuture<Void> lateTry = CompletableFuture.runAsync(() -> {
            RootContext.bind(xid);
            try {
                transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 250, "CNY"));
            } finally {
                RootContext.unbind();
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> HoldTry.holding.containsKey(xid));
        assertThat(lateTry).isNotDone();

        RootContext.bind(xid);
        tx.rollback();

        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> lateTry.get(30, TimeUnit.SECONDS));
        assertThat(((ApiException) e.getCause()).errorCode()).isEqualTo(ErrorCode.TRANSFER_ROLLED_BACK);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tcc_transfer WHERE transfer_id = ?", Integer.class, id)).isZero();
        assertThat(ledger.account(a.payer).availableMinor()).isEqualTo(1_000);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
    }

    @Test
    void a_branch_outside_a_global_transaction_is_refused() {
        Accounts a = accounts(10);
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> transfers.transOut(new TransferBranchRequest(newId(), a.payer, a.clearing, 5, "CNY")));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(ledger.account(a.payer).frozenMinor()).isZero();
    }

    private record Accounts(long payer, long payee, long clearing) {
    }

    private Accounts accounts(long funded) {
        AccountView funding = ledger.openAccount(new OpenAccountRequest("bank", AccountType.ASSET, "CNY",
                1_000_000_000L, null, HotMode.NORMAL, 0, 0));
        AccountView payer = customer();
        AccountView payee = customer();
        // a liability clearing account for transfers in transit; it may swing either way until both sides confirm
        AccountView clearing = ledger.openAccount(new OpenAccountRequest("in-transit", AccountType.LIABILITY, "CNY",
                1_000_000_000L, null, HotMode.NORMAL, 0, 0));
        ledger.recharge(new TemplateRequest("fund-" + UUID.randomUUID(), funding.accountId(), payer.accountId(), funded, "CNY"));
        return new Accounts(payer.accountId(), payee.accountId(), clearing.accountId());
    }

    private AccountView customer() {
        return ledger.openAccount(new OpenAccountRequest("c", AccountType.LIABILITY, "CNY", 0, null, HotMode.NORMAL, 0, 0));
    }

    private static GlobalTransaction begin() throws Exception {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(60_000, "ledger-transfer-it");
        return tx;
    }

    private void awaitPhase(String id, TransferDirection direction, TransferPhase phase) {
        await().atMost(Duration.ofSeconds(20)).until(() -> transfers.transfer(id, direction).phase() == phase);
    }

    private int fenceStatus(String xid, String action) {
        List<Integer> status = jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ? AND action_name = ?",
                Integer.class, xid, action);
        return status.isEmpty() ? 0 : status.get(0);
    }

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 30);
    }
}
