package io.creditsuite.account.infrastructure.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.AccountProbeService;
import io.creditsuite.api.probe.BranchPhase;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeScenario;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.Ports;
import io.creditsuite.support.probe.TccProbeBranchStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * account-service's TCC probe branch on real middleware (MariaDB, ZooKeeper, Seata TC). The test
 * plays the initiator: it begins the global transaction itself and calls the Dubbo provider bean
 * on a thread carrying the XID, as dubbo-filter-seata would, then commits or rolls back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"credit-suite.probe.late-try-hold=20s", "credit-suite.ledger.buffered-consumer=false"})
class AccountTccProbeIT {

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) {
        io.creditsuite.account.SeataTestContexts.forgetProxiedBeans();
        Middleware.shared().springProperties("cs_account",
                        EnumSet.of(Middleware.Component.DATABASE, Middleware.Component.ZOOKEEPER,
                                Middleware.Component.SEATA))
                .forEach((key, value) -> registry.add(key, () -> value));
        int dubboPort = Ports.freePort(); // not 20882: a devstack or another build may hold it
        registry.add("dubbo.protocol.port", () -> String.valueOf(dubboPort));
    }

    @Autowired
    AccountProbeService probes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LateTryHold lateTryHold;
    @Autowired
    TccProbeBranchStore branches;
    @Autowired
    TransactionTemplate inTransaction;

    @AfterEach
    void noTransactionLeftOnTheTestThread() {
        assertThat(RootContext.getXID()).isNull();
    }

    @Test
    void a_committed_probe_confirms_the_branch_and_the_fence_says_committed() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction tx = begin();

        tryInside(tx, probeId, TccProbeScenario.COMMIT);
        assertThat(probes.tccBranch(probeId).phase()).isEqualTo(BranchPhase.TRIED);
        assertThat(probes.tccBranch(probeId).fenceStatus()).isEqualTo(1);
        tx.commit();

        assertThat(tx.getLocalStatus()).isEqualTo(GlobalStatus.Committed);
        TccBranchView branch = awaitPhase(probeId, BranchPhase.CONFIRMED);
        assertThat(branch.xid()).isEqualTo(tx.getXid());
        assertThat(branch.fenceStatus()).isEqualTo(2);
    }

    @Test
    void a_rolled_back_probe_cancels_the_branch_and_the_fence_says_rolled_back() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction tx = begin();

        tryInside(tx, probeId, TccProbeScenario.ROLLBACK);
        tx.rollback();

        TccBranchView branch = awaitPhase(probeId, BranchPhase.CANCELLED);
        assertThat(branch.fenceStatus()).isEqualTo(3);
    }

    @Test
    void a_failed_try_leaves_no_effect_and_its_cancel_is_an_empty_rollback() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction tx = begin();

        ApiException failure = catchThrowableOfType(ApiException.class,
                () -> tryInside(tx, probeId, TccProbeScenario.FAIL_ACCOUNT_TRY));
        assertThat(failure.errorCode()).isEqualTo(ErrorCode.PROBE_FAILED);
        assertThat(probes.tccBranch(probeId).fenceStatus()).as("the try's fence row rolled back").isZero();
        tx.rollback();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> probes.tccBranch(probeId).fenceStatus() == 4);
        TccBranchView branch = probes.tccBranch(probeId);
        assertThat(branch.phase()).as("the TRIED write rolled back with the try").isEqualTo(BranchPhase.NONE);
        assertThat(branch.xid()).isEqualTo(tx.getXid());
    }

    @Test
    void a_try_held_until_its_branch_is_cancelled_is_refused_by_the_fence() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction tx = begin();
        String xid = tx.getXid();
        RootContext.unbind();

        CompletableFuture<Void> lateTry = CompletableFuture.runAsync(() -> {
            RootContext.bind(xid);
            try {
                probes.tryTccProbe(probeId, TccProbeScenario.LATE_ACCOUNT_TRY);
            } finally {
                RootContext.unbind();
            }
        });
        // the branch is registered and the try is held before the fence: no fence row yet
        await().atMost(Duration.ofSeconds(10)).until(() -> lateTryHold.isHolding(xid));
        assertThat(lateTry).isNotDone();
        assertThat(probes.tccBranch(probeId).fenceStatus()).isZero();

        RootContext.bind(xid);
        tx.rollback();

        ExecutionException refused = catchThrowableOfType(ExecutionException.class,
                () -> lateTry.get(20, TimeUnit.SECONDS));
        ApiException cause = (ApiException) refused.getCause();
        assertThat(cause.errorCode()).isEqualTo(ErrorCode.PROBE_FAILED);
        assertThat(cause.detail()).contains("refused");
        TccBranchView branch = probes.tccBranch(probeId);
        assertThat(branch.phase()).isEqualTo(BranchPhase.TRY_REFUSED);
        // Seata deletes the suspended row (status 4) once it has refused the late try
        await().atMost(Duration.ofSeconds(10)).until(() -> probes.tccBranch(probeId).fenceStatus() == 0);
    }

    @Test
    void a_repeated_phase_two_changes_nothing_and_a_cancel_never_follows_a_confirm() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction tx = begin();
        tryInside(tx, probeId, TccProbeScenario.COMMIT);
        tx.commit();
        TccBranchView confirmed = awaitPhase(probeId, BranchPhase.CONFIRMED);

        // what a confirm delivered twice does to the record, under the fence's transaction
        inTransaction.executeWithoutResult(status -> branches.confirm(probeId, tx.getXid()));
        assertThat(probes.tccBranch(probeId)).isEqualTo(confirmed);

        assertThatIllegalStateException().isThrownBy(
                () -> inTransaction.executeWithoutResult(status -> branches.cancel(probeId, tx.getXid())));
        assertThat(probes.tccBranch(probeId)).isEqualTo(confirmed);
    }

    @Test
    void a_probe_id_belongs_to_one_global_transaction() throws Exception {
        String probeId = newProbeId();
        GlobalTransaction first = begin();
        tryInside(first, probeId, TccProbeScenario.COMMIT);
        first.commit();

        GlobalTransaction second = begin();
        ApiException reused = catchThrowableOfType(ApiException.class,
                () -> tryInside(second, probeId, TccProbeScenario.COMMIT));
        second.rollback();

        assertThat(reused.errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(awaitPhase(probeId, BranchPhase.CONFIRMED).xid()).isEqualTo(first.getXid());
    }

    @Test
    void a_try_outside_a_global_transaction_or_with_a_bad_probe_id_is_refused_and_writes_nothing() {
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.tryTccProbe(newProbeId(), TccProbeScenario.COMMIT)).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.tryTccProbe(" ", TccProbeScenario.COMMIT)).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> probes.tccBranch("x".repeat(65))).errorCode())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tcc_probe_branch WHERE probe_id = ' '", Integer.class))
                .isZero();
    }

    private static GlobalTransaction begin() throws Exception {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(60_000, "account-probe-it");
        return tx;
    }

    /** The try as the provider receives it: on a thread bound to the global transaction. */
    private void tryInside(GlobalTransaction tx, String probeId, TccProbeScenario scenario) {
        assertThat(RootContext.getXID()).isEqualTo(tx.getXid());
        probes.tryTccProbe(probeId, scenario);
    }

    private TccBranchView awaitPhase(String probeId, BranchPhase phase) {
        await().atMost(Duration.ofSeconds(20)).until(() -> probes.tccBranch(probeId).phase() == phase);
        return probes.tccBranch(probeId);
    }

    private static String newProbeId() {
        return "it-" + UUID.randomUUID();
    }
}
