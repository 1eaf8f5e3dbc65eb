package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.CorrectionRequest;
import io.creditsuite.api.credit.CorrectionResult;
import io.creditsuite.api.credit.CreditReplayService;
import io.creditsuite.api.credit.FlowImportRequest;
import io.creditsuite.api.credit.FlowImportResult;
import io.creditsuite.api.credit.ReplayReport;
import io.creditsuite.credit.application.CorrectBalancesHandler;
import io.creditsuite.credit.application.ImportFlowsHandler;
import io.creditsuite.credit.application.ReplayFlowLogHandler;
import org.apache.dubbo.config.annotation.DubboService;

/** Replay, correction and import take long on a big log: callers give them a long Dubbo timeout. */
@DubboService(timeout = 600_000)
public class CreditReplayProvider implements CreditReplayService {
    private final ReplayFlowLogHandler replay;
    private final CorrectBalancesHandler correct;
    private final ImportFlowsHandler importFlows;

    public CreditReplayProvider(ReplayFlowLogHandler replay, CorrectBalancesHandler correct, ImportFlowsHandler importFlows) {
        this.replay = replay;
        this.correct = correct;
        this.importFlows = importFlows;
    }

    @Override
    public ReplayReport replay() {
        return replay.handle();
    }

    @Override
    public CorrectionResult correct(CorrectionRequest request) {
        return correct.handle(request);
    }

    @Override
    public FlowImportResult importFlows(FlowImportRequest request) {
        return importFlows.handle(request);
    }
}
