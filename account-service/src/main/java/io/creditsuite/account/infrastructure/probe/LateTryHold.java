package io.creditsuite.account.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.TccProbeScenario;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.seata.integration.tx.api.fence.hook.TccHook;
import org.apache.seata.integration.tx.api.fence.hook.TccHookManager;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes the try of a LATE_ACCOUNT_TRY probe arrive late, for real: it holds that try (and only
 * that one) until the TC has cancelled its branch, then lets it go on to the fence, which refuses
 * it.
 *
 * <p>Why a Seata {@link TccHook}: {@code beforeTccPrepare} runs after the branch is registered
 * with the TC and before the fence inserts its TRIED row (Seata 2.5's
 * {@code ActionInterceptorHandler.proceed}: register branch, hook, {@code prepareFence}). Holding
 * there reproduces a try delayed in the network: the TC knows the branch, the initiator times out
 * and rolls back, the cancel finds no fence row (empty rollback, status 4 "suspended"), and the
 * try's fence insert then hits that row's primary key. {@code afterTccRollback} runs after the
 * fence has committed the cancel, which is when the held try is released.
 */
public final class LateTryHold implements TccHook, InitializingBean, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LateTryHold.class);

    private final Duration hold;
    /** Held tries by branch (xid/branchId), each waiting for its branch's cancel. */
    private final ConcurrentMap<String, CountDownLatch> held = new ConcurrentHashMap<>();

    public LateTryHold(Duration hold) {
        this.hold = hold;
    }

    @Override
    public void beforeTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
        if (!AccountTccProbeAction.NAME.equals(actionName)
                || !TccProbeScenario.LATE_ACCOUNT_TRY.name().equals(context.getActionContext("scenario"))) {
            return;
        }
        String branch = branch(xid, branchId);
        CountDownLatch cancelled = new CountDownLatch(1);
        held.put(branch, cancelled);
        log.info("holding the try of branch {} until the branch is cancelled (at most {})", branch, hold);
        long start = System.nanoTime();
        try {
            if (!cancelled.await(hold.toMillis(), TimeUnit.MILLISECONDS)) {
                // failing is honest: running the try now would not be "late", just slow
                throw new ApiException(ErrorCode.PROBE_FAILED, "branch " + branch + " was not cancelled within "
                        + hold + "; the held try gives up (is the initiator's account-try-timeout shorter?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.PROBE_FAILED, "the held try of branch " + branch + " was interrupted");
        } finally {
            held.remove(branch);
        }
        log.info("branch {} was cancelled after {} ms: releasing its late try to the fence", branch,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void afterTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
        CountDownLatch cancelled = held.get(branch(xid, branchId));
        if (cancelled != null) {
            cancelled.countDown();
        }
    }

    /** Whether a try of global transaction {@code xid} is being held now (for tests and support). */
    boolean isHolding(String xid) {
        return held.keySet().stream().anyMatch(branch -> branch.startsWith(xid + "/"));
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

    @Override
    public void afterPropertiesSet() {
        TccHookManager.registerHook(this);
    }

    /** TccHookManager has no way to remove one hook; account-service registers no other. */
    @Override
    public void destroy() {
        TccHookManager.clear();
    }

    private static String branch(String xid, Long branchId) {
        return xid + "/" + branchId;
    }
}
