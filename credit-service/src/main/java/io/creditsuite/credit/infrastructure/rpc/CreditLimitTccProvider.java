package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.CreditLimitTccService;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.Requests;
import org.apache.dubbo.config.annotation.DubboService;
import org.apache.seata.core.context.RootContext;

/** The TCC try over Dubbo; dubbo-filter-seata binds the caller's XID to this thread. */
@DubboService
public class CreditLimitTccProvider implements CreditLimitTccService {
    private final CreditLimitTccAction action;

    public CreditLimitTccProvider(CreditLimitTccAction action) {
        this.action = action;
    }

    @Override
    public LimitOperationResult tryFreeze(FreezeRequest request) {
        if (RootContext.getXID() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "tryFreeze must run inside a global transaction");
        }
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a freeze request is required");
        }
        Requests.requireCallerRequestId(request.requestId());
        return action.tryFreeze(null, request.requestId(), request.creditMinor(), request);
    }
}
