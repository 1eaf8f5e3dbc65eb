package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.CreditLimitTccService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.infrastructure.rpc.CreditLimitTccAction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * freeze / use / unfreeze as Seata TCC try / confirm / cancel with the fence, on the real TC. The test plays the
 * initiator: it begins the global transaction and calls the Dubbo provider bean on a thread bound to the XID, as
 * dubbo-filter-seata would.
 */
class CreditLimitTccIT extends CreditLimitITSupport {
    private static final HeldTry HELD = new HeldTry();

    @Autowired
    CreditLimitTccService tcc;

    GrantLineResult guarantee;
    GrantLineResult line;
    long leaf;

    @BeforeAll
    static void registerTheHold() {
        TccHookManager.registerHook(HELD);
    }

    @AfterAll
    static void unregister() {
        TccHookManager.clear();
    }

    @BeforeEach
    void aLine() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        guarantee = guarantee(upstream, 1_000);
        line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 1_000, true);
        leaf = product(line);
    }

    @AfterEach
    void noTransactionLeftOnTheTestThread() {
        assertThat(RootContext.getXID()).isNull();
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_committed_transaction_confirms_the_hold_as_a_use_on_every_node() throws Exception {
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 300, CNY, null));
        assertThat(node(line.lineId(), leaf).frozenMinor()).isEqualTo(300);
        assertThat(fenceStatus(tx.getXid())).isEqualTo(1);

        tx.commit();

        assertThat(tx.getLocalStatus()).isEqualTo(GlobalStatus.Committed);
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 2);
        assertEveryNode(n -> {
            assertThat(n.frozenMinor()).isZero();
            assertThat(n.inTransitMinor()).isEqualTo(300);
        });
        assertThat(flowTypes(holdId)).containsExactly("FREEZE", "USE");
    }

    @Test
    void a_rolled_back_transaction_unfreezes_the_hold() throws Exception {
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 300, CNY, null));

        tx.rollback();

        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 3);
        assertEveryNode(n -> assertThat(n.frozenMinor() + n.usedMinor()).isZero());
        assertThat(flowTypes(holdId)).containsExactly("FREEZE", "UNFREEZE");
    }

    /**
     * A hold a try opened belongs to its global transaction until phase two: the ordinary API can neither use it (not
     * even a part of it) nor release it, and the confirm then uses exactly what the try froze.
     */
    @Test
    void a_tcc_hold_belongs_to_its_global_transaction_and_its_confirm_uses_exactly_what_the_try_froze() throws Exception {
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 300, CNY, null));
        String xid = RootContext.unbind();
        try {
            List<?> before = writes();
            assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), holdId, 100, CNY))))
                    .as("a partial use").isEqualTo(ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), holdId, 300, CNY))))
                    .as("a use of all of it").isEqualTo(ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(codeOf(() -> limits.unfreeze(new UnfreezeRequest(id("r"), holdId))))
                    .as("a release").isEqualTo(ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(writes()).isEqualTo(before);
        } catch (Throwable failed) {
            rollBack(tx);
            throw failed;
        }
        RootContext.bind(xid);

        tx.commit();

        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 2);
        assertEveryNode(n -> {
            assertThat(n.frozenMinor()).isZero();
            assertThat(n.inTransitMinor()).isEqualTo(300);
        });
        assertThat(flowTypes(holdId)).containsExactly("FREEZE", "USE");
        assertThat(jdbc.queryForObject("SELECT credit_minor FROM credit_flow WHERE request_id = ?", Long.class,
                "tcc-confirm:" + holdId)).isEqualTo(300);
        // after phase two what is in transit is the caller's, as for any hold
        limits.disburse(new DisburseRequest(id("r"), holdId, 300, CNY));
        assertThat(node(line.lineId(), leaf).inUseMinor()).isEqualTo(300);
    }

    @Test
    void a_tcc_hold_cannot_be_released_by_a_caller_and_its_cancel_releases_all_of_it() throws Exception {
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 300, CNY, null));
        String xid = RootContext.unbind();
        try {
            assertThat(codeOf(() -> limits.unfreeze(new UnfreezeRequest(id("r"), holdId))))
                    .isEqualTo(ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), holdId, 1, CNY))))
                    .isEqualTo(ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
        } catch (Throwable failed) {
            rollBack(tx);
            throw failed;
        }
        RootContext.bind(xid);

        tx.rollback();

        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 3);
        assertEveryNode(n -> assertThat(n.frozenMinor() + n.usedMinor()).isZero());
        assertThat(flowTypes(holdId)).containsExactly("FREEZE", "UNFREEZE");
        assertThat(jdbc.queryForObject("SELECT tcc_xid FROM credit_hold WHERE hold_id = ?", String.class, holdId))
                .isEqualTo(tx.getXid());
    }

    /**
     * The two TCC exceptions to "a frozen line takes no operation": phase two of a try accepted before the line was
     * frozen must succeed (Seata retries a failed phase two forever), both the confirm and the cancel. A try after
     * the freeze is a caller's hold and is refused.
     */
    @Test
    void phase_two_of_a_try_accepted_before_the_line_froze_completes_and_a_later_try_is_refused() throws Exception {
        String confirmedId = id("tcc");
        GlobalTransaction committed = begin();
        tcc.tryFreeze(new FreezeRequest(confirmedId, line.lineId(), leaf, 0, 300, CNY, null));
        freezeTheLine();
        committed.commit();
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(committed.getXid()) == 2);
        assertThat(flowTypes(confirmedId)).containsExactly("FREEZE", "USE");

        String cancelledId = id("tcc");
        GlobalTransaction rolledBack = begin();
        String xid = rolledBack.getXid();
        RootContext.unbind();
        maintenance.changeLineState(new io.creditsuite.api.credit.LineActionRequest(id("r"), "ops-1", "ok",
                line.lineId(), io.creditsuite.api.credit.LineAction.UNFREEZE));
        RootContext.bind(xid);
        tcc.tryFreeze(new FreezeRequest(cancelledId, line.lineId(), leaf, 0, 200, CNY, null));
        freezeTheLine();
        rolledBack.rollback();
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(xid) == 3);
        assertThat(flowTypes(cancelledId)).containsExactly("FREEZE", "UNFREEZE");
        assertEveryNode(n -> {
            assertThat(n.frozenMinor()).isZero();
            assertThat(n.inTransitMinor()).isEqualTo(300);
        });

        List<?> before = writes();
        GlobalTransaction refused = begin();
        assertThat(codeOf(() -> tcc.tryFreeze(new FreezeRequest(id("tcc"), line.lineId(), leaf, 0, 1, CNY, null))))
                .isEqualTo(ErrorCode.LINE_FROZEN);
        refused.rollback();
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(refused.getXid()) == 4);
        assertThat(writes()).isEqualTo(before);
    }

    /** A line freeze by maintenance, outside the global transaction bound to this thread. */
    private void freezeTheLine() {
        String xid = RootContext.unbind();
        try {
            maintenance.changeLineState(new io.creditsuite.api.credit.LineActionRequest(id("r"), "ops-1", "risk",
                    line.lineId(), io.creditsuite.api.credit.LineAction.FREEZE));
        } finally {
            RootContext.bind(xid);
        }
    }

    @Test
    void a_refused_try_writes_nothing_and_its_cancel_is_an_empty_rollback() throws Exception {
        String holdId = id("tcc");
        List<?> before = writes();
        GlobalTransaction tx = begin();

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 1_001, CNY, null)));
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.LIMIT_INSUFFICIENT);
        assertThat(fenceStatus(tx.getXid())).as("the try's fence row rolled back with it").isZero();
        tx.rollback();

        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 4);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void a_try_that_arrives_after_its_cancel_is_refused_by_the_fence_and_writes_nothing() throws Exception {
        String holdId = id("tcc-late");
        HELD.hold(holdId);
        List<?> before = writes();
        GlobalTransaction tx = begin();
        String xid = tx.getXid();
        RootContext.unbind();

        CompletableFuture<Void> lateTry = CompletableFuture.runAsync(() -> {
            RootContext.bind(xid);
            try {
                tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 200, CNY, null));
            } finally {
                RootContext.unbind();
            }
        });
        // the branch is registered with the TC and its try held before the fence
        assertThat(HELD.holding.await(10, TimeUnit.SECONDS)).isTrue();
        RootContext.bind(xid);
        tx.rollback();

        ExecutionException refused = catchThrowableOfType(ExecutionException.class, () -> lateTry.get(20, TimeUnit.SECONDS));
        assertThat(refused).as("the fence refused the late try").isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_hold WHERE hold_id = ?", Long.class, holdId)).isZero();
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void a_try_outside_a_global_transaction_is_refused() {
        assertThat(codeOf(() -> tcc.tryFreeze(new FreezeRequest(id("tcc"), line.lineId(), leaf, 0, 1, CNY, null))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Autowired
    CreditLimitTccAction action;

    @Test
    void a_confirm_delivered_again_changes_nothing() throws Exception {
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 100, CNY, null));
        tx.commit();
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 2);
        List<?> after = writes();

        BusinessActionContext again = new BusinessActionContext(tx.getXid(), "1",
                new java.util.HashMap<>(java.util.Map.of("holdId", holdId, "amountMinor", 100)));
        // the fence answers a repeated phase two itself; even past it the confirm is answered from the flow log
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> assertThat(action.confirm(again)).isTrue());

        assertThat(writes()).isEqualTo(after);
    }

    /** Confirm never reports success with nothing used: a phase two that cannot use what its try froze throws. */
    @Test
    void a_confirm_that_cannot_use_exactly_what_the_try_froze_fails_loudly_and_writes_nothing() throws Exception {
        LimitOperationResult callers = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 100, CNY, null));
        String holdId = id("tcc");
        GlobalTransaction tx = begin();
        tcc.tryFreeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 300, CNY, null));
        String xid = RootContext.unbind();
        try {
            List<?> before = writes();
            assertThat(confirmCode(xid, callers.holdId(), 100)).as("a caller's hold").isEqualTo(
                    ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(confirmCode(xid, holdId, 200)).as("less than the try froze").isEqualTo(
                    ErrorCode.HOLD_IN_GLOBAL_TRANSACTION);
            assertThat(writes()).isEqualTo(before);
        } finally {
            RootContext.bind(xid);
            tx.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> fenceStatus(tx.getXid()) == 3);
        assertThat(flowTypes(holdId)).containsExactly("FREEZE", "UNFREEZE");
        limits.unfreeze(new UnfreezeRequest(id("r"), callers.holdId()));
    }

    /** Ends a global transaction a failed test left open, so that the next test begins its own. */
    private static void rollBack(GlobalTransaction tx) {
        try {
            tx.rollback();
        } catch (Exception e) {
            // the test's own failure is what matters
        } finally {
            RootContext.unbind();
        }
    }

    private ErrorCode confirmCode(String xid, String holdId, long amount) {
        BusinessActionContext context = new BusinessActionContext(xid, "1",
                new java.util.HashMap<>(java.util.Map.of("holdId", holdId, "amountMinor", amount)));
        return codeOf(() -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> action.confirm(context)));
    }

    private void assertEveryNode(java.util.function.Consumer<LimitNodeView> check) {
        for (long nodeId : List.of(leaf, businessType(line), root(line))) {
            check.accept(node(line.lineId(), nodeId));
        }
        check.accept(node(guarantee.lineId(), root(guarantee)));
    }

    private List<String> flowTypes(String holdId) {
        return jdbc.queryForList("SELECT flow_type FROM credit_flow WHERE hold_id = ? ORDER BY flow_seq", String.class,
                holdId);
    }

    private int fenceStatus(String xid) {
        return jdbc.queryForList("SELECT status FROM tcc_fence_log WHERE xid = ? AND action_name = ?", Integer.class, xid,
                CreditLimitTccAction.NAME).stream().findFirst().orElse(0);
    }

    private static GlobalTransaction begin() throws Exception {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(60_000, "credit-limit-tcc-it");
        return tx;
    }

    /** Holds the try of one hold id between branch registration and the fence, until its branch is cancelled. */
    static final class HeldTry implements TccHook {
        private volatile String holdId;
        private volatile CountDownLatch holding = new CountDownLatch(1);
        private volatile CountDownLatch cancelled = new CountDownLatch(1);

        void hold(String id) {
            holding = new CountDownLatch(1);
            cancelled = new CountDownLatch(1);
            holdId = id;
        }

        private boolean mine(String actionName, BusinessActionContext context) {
            return CreditLimitTccAction.NAME.equals(actionName) && holdId != null
                    && holdId.equals(context.getActionContext("holdId"));
        }

        @Override
        public void beforeTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
            if (mine(actionName, context)) {
                holding.countDown();
                try {
                    cancelled.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void afterTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
            if (mine(actionName, context)) {
                cancelled.countDown();
            }
        }

        @Override
        public void afterTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
        }

        @Override
        public void beforeTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {
        }

        @Override
        public void afterTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {
        }

        @Override
        public void beforeTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
        }
    }
}
