package io.creditsuite.account.infrastructure.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.TccProbeScenario;
import io.creditsuite.support.probe.TccProbeBranchStore;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.springframework.stereotype.Component;

/**
 * Each phase only moves {@code tcc_probe_branch}, inside the local transaction Seata's fence opens
 * for it, so the phase and the fence row always agree. Public because Seata invokes confirm and
 * cancel by reflection.
 */
@Component
public class AccountTccProbeActionImpl implements AccountTccProbeAction {
    private final TccProbeBranchStore branches;

    public AccountTccProbeActionImpl(TccProbeBranchStore branches) {
        this.branches = branches;
    }

    // The context parameters are annotated here, on the implementation: Seata reads them from the
    // method it invokes. "scenario" is also what LateTryHold reads to pick the try it holds.
    @Override
    public boolean tryProbe(BusinessActionContext context,
                            @BusinessActionContextParameter(paramName = "probeId") String probeId,
                            @BusinessActionContextParameter(paramName = "scenario") String scenario) {
        branches.markTried(probeId, context.getXid());
        if (TccProbeScenario.FAIL_ACCOUNT_TRY.name().equals(scenario)) {
            // after the write, so that the failure visibly takes the TRIED phase and the fence row
            // down with the local transaction; the branch is registered by now
            throw new ApiException(ErrorCode.PROBE_FAILED,
                    "probe " + probeId + ": account-service's try fails as FAIL_ACCOUNT_TRY asks");
        }
        return true;
    }

    @Override
    public boolean confirm(BusinessActionContext context) {
        branches.confirm(context.getActionContext("probeId", String.class), context.getXid());
        return true;
    }

    @Override
    public boolean cancel(BusinessActionContext context) {
        branches.cancel(context.getActionContext("probeId", String.class), context.getXid());
        return true;
    }
}
