package io.creditsuite.credit.infrastructure.probe;

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
public class CreditTccProbeActionImpl implements CreditTccProbeAction {
    private final TccProbeBranchStore branches;

    public CreditTccProbeActionImpl(TccProbeBranchStore branches) {
        this.branches = branches;
    }

    // The context parameters are annotated here, on the implementation: Seata reads them from the
    // method it invokes, and without them phase 2 would find no probeId in the context.
    @Override
    public boolean tryProbe(BusinessActionContext context,
                            @BusinessActionContextParameter(paramName = "probeId") String probeId,
                            @BusinessActionContextParameter(paramName = "scenario") String scenario) {
        branches.markTried(probeId, context.getXid());
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
