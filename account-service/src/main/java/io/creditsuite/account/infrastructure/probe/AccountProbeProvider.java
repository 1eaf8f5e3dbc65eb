package io.creditsuite.account.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.AccountProbeService;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeScenario;
import io.creditsuite.support.probe.ProbeIds;
import io.creditsuite.support.probe.TccProbeBranchStore;
import org.apache.dubbo.config.annotation.DubboService;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.integration.tx.api.fence.exception.CommonFenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** account-service's probes over Dubbo; the XID arrives as an attachment (dubbo-filter-seata). */
@DubboService
class AccountProbeProvider implements AccountProbeService {
    private static final Logger log = LoggerFactory.getLogger(AccountProbeProvider.class);

    private final AccountTccProbeAction action;
    private final TccProbeBranchStore branches;

    AccountProbeProvider(AccountTccProbeAction action, TccProbeBranchStore branches) {
        this.action = action;
        this.branches = branches;
    }

    @Override
    public void tryTccProbe(String probeId, TccProbeScenario scenario) {
        ProbeIds.require(probeId);
        if (scenario == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a TCC probe try needs a scenario");
        }
        // without an XID the TCC proxy would run the try as a plain call: no branch, no fence
        String xid = RootContext.getXID();
        if (xid == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "tryTccProbe must be called inside a global transaction");
        }
        branches.recordArrival(probeId, xid);
        try {
            action.tryProbe(null, probeId, scenario.name());
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            if (refusedByFence(e)) {
                branches.markRefused(probeId, xid);
                log.info("the late try of probe {} in {} was refused by the fence: its branch was already rolled back",
                        probeId, xid);
                throw new ApiException(ErrorCode.PROBE_FAILED, "probe " + probeId
                        + ": the try arrived after its branch had been rolled back and was refused");
            }
            log.error("the try of probe {} in {} failed", probeId, xid, e);
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "the try of probe " + probeId + " failed");
        }
    }

    @Override
    public TccBranchView tccBranch(String probeId) {
        return branches.view(ProbeIds.require(probeId));
    }

    /** The fence's TRIED insert hit the row its cancel left (status 4): the try came too late. */
    private static boolean refusedByFence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommonFenceException fence && fence.getErrcode() == FrameworkErrorCode.DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
