package io.creditsuite.credit.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.AccountProbeService;
import io.creditsuite.api.probe.TccProbeRequest;
import io.creditsuite.api.probe.TccProbeResult;
import io.creditsuite.api.probe.TccProbeResult.AccountTry;
import io.creditsuite.api.probe.TccProbeScenario;
import io.creditsuite.support.probe.ProbeIds;
import io.creditsuite.support.probe.TccProbeBranchStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The transaction manager (TM) of the TCC probe: begins the global transaction, runs
 * credit-service's branch and account-service's branch, then commits (COMMIT, when both tries
 * succeeded) or rolls back (every other scenario, and any failed try).
 *
 * <p>The programmatic {@link GlobalTransaction} API, rather than {@code @GlobalTransactional},
 * because the probe decides commit or rollback from its scenario, measures phase 2, and must
 * report the xid and status even when it rolls back.
 */
@Component
class TccProbeInitiator {
    private static final Logger log = LoggerFactory.getLogger(TccProbeInitiator.class);
    private static final String TRANSACTION_NAME = "tcc-probe";

    private final TccProbeRuns runs;
    private final TccProbeBranchStore branches;
    private final CreditTccProbeAction creditAction;
    private final AccountProbeService account;
    private final CreditProbeProperties properties;

    TccProbeInitiator(TccProbeRuns runs, TccProbeBranchStore branches, CreditTccProbeAction creditAction,
                      AccountProbeService account, CreditProbeProperties properties) {
        this.runs = runs;
        this.branches = branches;
        this.creditAction = creditAction;
        this.account = account;
        this.properties = properties;
    }

    TccProbeResult run(TccProbeRequest request) {
        if (request == null || request.scenario() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a TCC probe needs a probeId and a scenario");
        }
        String probeId = ProbeIds.require(request.probeId());
        if (RootContext.getXID() != null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "runTccProbe begins its own global transaction; it was called inside " + RootContext.getXID());
        }
        Optional<TccProbeResult> earlier = runs.claim(probeId, request.scenario());
        if (earlier.isPresent()) {
            log.info("TCC probe {} already ran: returning its result", probeId);
            return earlier.get();
        }
        TccProbeResult result;
        try {
            result = runGlobalTransaction(probeId, request.scenario());
        } catch (ApiException e) {
            runs.fail(probeId, e.getMessage());
            throw e;
        }
        try {
            runs.finish(result);
        } catch (RuntimeException e) {
            // the global transaction is decided whatever this row says: report it all the same
            log.error("could not store the result of TCC probe {}; asking again will say REQUEST_IN_PROGRESS",
                    probeId, e);
        }
        log.info("TCC probe {} ({}) in {}: account try {}, global status {}, phase 2 took {} ms", probeId,
                result.scenario(), result.xid(), result.accountTry(), result.globalStatus(), result.phase2Millis());
        return result;
    }

    private TccProbeResult runGlobalTransaction(String probeId, TccProbeScenario scenario) {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        try {
            tx.begin((int) properties.globalTimeout().toMillis(), TRANSACTION_NAME);
        } catch (TransactionException e) {
            log.warn("the Seata TC did not begin a global transaction for probe {}", probeId, e);
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE,
                    "the Seata TC did not begin a global transaction for probe " + probeId);
        }
        String xid = tx.getXid();
        try {
            runs.attachXid(probeId, xid);
            branches.recordArrival(probeId, xid);
            creditAction.tryProbe(null, probeId, scenario.name());
            AccountTry accountTry = tryAccount(probeId, scenario);

            boolean commit = scenario == TccProbeScenario.COMMIT && accountTry == AccountTry.SUCCEEDED;
            long phase2Start = System.nanoTime();
            if (commit) {
                tx.commit();
            } else {
                tx.rollback();
            }
            long phase2Millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - phase2Start);
            return new TccProbeResult(probeId, xid, scenario, tx.getLocalStatus().name(), accountTry, phase2Millis);
        } catch (TransactionException | RuntimeException e) {
            rollbackAfterError(tx, e);
            if (e instanceof ApiException api) {
                throw api;
            }
            // the caller gets the code and the xid; the cause (which may quote SQL) stays in this log
            log.error("TCC probe {} in {} failed", probeId, xid, e);
            throw new ApiException(ErrorCode.PROBE_FAILED,
                    "TCC probe " + probeId + " in global transaction " + xid + " failed; see credit-service's log");
        } finally {
            // commit and rollback unbind the xid; an exception before them must not leave it on this
            // Dubbo thread, or the next request served by the thread would join a dead transaction
            if (xid.equals(RootContext.getXID())) {
                RootContext.unbind();
            }
        }
    }

    /**
     * Runs account-service's try; its expected failures (an injected failure, a held late try) are
     * outcomes of the probe, reported in the result, after which the global transaction rolls back.
     */
    private AccountTry tryAccount(String probeId, TccProbeScenario scenario) {
        // a per-call timeout (the reference's default serves account-service's other methods);
        // the attachment applies to the next call from this thread only
        RpcContext.getClientAttachment().setObjectAttachment(CommonConstants.TIMEOUT_KEY,
                (int) properties.accountTryTimeout().toMillis());
        try {
            account.tryTccProbe(probeId, scenario);
            return AccountTry.SUCCEEDED;
        } catch (ApiException e) {
            log.info("account-service's try of probe {} failed: {}", probeId, e.getMessage());
            return AccountTry.FAILED;
        } catch (RpcException e) {
            if (e.isTimeout()) {
                log.info("account-service's try of probe {} did not answer within {}", probeId,
                        properties.accountTryTimeout());
                return AccountTry.TIMED_OUT;
            }
            log.warn("account-service did not take the try of probe {}", probeId, e);
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE,
                    "account-service did not take the try of probe " + probeId + " (Dubbo error " + e.getCode() + ")");
        }
    }

    private static void rollbackAfterError(GlobalTransaction tx, Exception cause) {
        try {
            tx.rollback();
        } catch (TransactionException | RuntimeException e) {
            // the TC also rolls back on its own when the global timeout expires
            cause.addSuppressed(e);
            log.warn("rollback of {} after an error failed; the TC will time it out", tx.getXid(), e);
        }
    }
}
