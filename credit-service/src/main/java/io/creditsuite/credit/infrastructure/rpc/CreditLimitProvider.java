package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.CreditLimitService;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.credit.application.DirectUseHandler;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.NodeTreeQueryHandler;
import io.creditsuite.credit.application.Requests;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class CreditLimitProvider implements CreditLimitService {
    private final FreezeLimitHandler freeze;
    private final DirectUseHandler directUse;
    private final HoldOperationHandler holds;
    private final NodeTreeQueryHandler tree;

    public CreditLimitProvider(FreezeLimitHandler freeze, DirectUseHandler directUse, HoldOperationHandler holds,
                               NodeTreeQueryHandler tree) {
        this.freeze = freeze;
        this.directUse = directUse;
        this.holds = holds;
        this.tree = tree;
    }

    @Override
    public LimitOperationResult freeze(FreezeRequest request) {
        callerId(request == null ? null : request.requestId());
        return freeze.handle(request);
    }

    @Override
    public LimitOperationResult unfreeze(UnfreezeRequest request) {
        callerId(request == null ? null : request.requestId());
        return holds.unfreeze(request);
    }

    @Override
    public LimitOperationResult use(UseRequest request) {
        callerId(request == null ? null : request.requestId());
        return holds.use(request);
    }

    @Override
    public LimitOperationResult useDirect(DirectUseRequest request) {
        callerId(request == null ? null : request.requestId());
        return directUse.handle(request);
    }

    @Override
    public LimitOperationResult disburse(DisburseRequest request) {
        callerId(request == null ? null : request.requestId());
        return holds.disburse(request);
    }

    @Override
    public LimitOperationResult repay(ReturnRequest request) {
        callerId(request == null ? null : request.requestId());
        return holds.repay(request);
    }

    /** Validated here, at the edge: the handlers also serve the service's own derived ids (TCC, expiry). */
    private static void callerId(String requestId) {
        Requests.requireCallerRequestId(requestId);
    }

    @Override
    public List<LimitNodeView> nodeTree(NodeTreeQuery query) {
        return tree.handle(query);
    }
}
