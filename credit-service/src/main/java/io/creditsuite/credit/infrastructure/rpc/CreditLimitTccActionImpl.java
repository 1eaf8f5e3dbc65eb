package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import java.util.Optional;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Public because Seata invokes confirm and cancel by reflection. A refused try throws, so its fence row rolls
 * back with it and the cancel that follows is an empty rollback. The try is a caller's hold: refused on a frozen,
 * cleared or expired line. Confirm and cancel never fail on business rules, not even when the line was frozen,
 * cleared or expired after the try: what they move was reserved by the try, and Seata requires phase two to
 * succeed (a refusal would make the TC retry it forever). They are the one exception to "a frozen line takes no
 * operation" besides the release of an expired hold.
 */
@Component
public class CreditLimitTccActionImpl implements CreditLimitTccAction {
    private static final Logger log = LoggerFactory.getLogger(CreditLimitTccActionImpl.class);

    private final FreezeLimitHandler freeze;
    private final HoldOperationHandler holds;
    private final LimitDirectory directory;

    public CreditLimitTccActionImpl(FreezeLimitHandler freeze, HoldOperationHandler holds, LimitDirectory directory) {
        this.freeze = freeze;
        this.holds = holds;
        this.directory = directory;
    }

    // annotated here, on the implementation: Seata reads the context parameters from the method it invokes
    @Override
    public LimitOperationResult tryFreeze(BusinessActionContext context,
                                          @BusinessActionContextParameter(paramName = "holdId") String holdId,
                                          FreezeRequest request) {
        if (request.expiresAtEpochMillis() != null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a TCC hold ends by confirm or cancel; it takes no expiry");
        }
        LimitOperationResult result = freeze.handle(request, true);
        if (result.outcome() == LimitOutcome.LIMIT_INSUFFICIENT) {
            throw new ApiException(ErrorCode.LIMIT_INSUFFICIENT, result.detail());
        }
        return result;
    }

    @Override
    public boolean confirm(BusinessActionContext context) {
        String holdId = context.getActionContext("holdId", String.class);
        Optional<Hold> hold = directory.hold(holdId);
        if (hold.isEmpty() || hold.get().frozenMinor() == 0) {
            log.warn("confirm of {}: hold {} has nothing frozen; nothing to use", context.getXid(), holdId);
            return true;
        }
        // no line check: phase two of a try that was accepted while the line was usable
        holds.use(new UseRequest("tcc-confirm:" + holdId, holdId, hold.get().frozenMinor(), hold.get().currency()),
                false, true);
        return true;
    }

    @Override
    public boolean cancel(BusinessActionContext context) {
        String holdId = context.getActionContext("holdId", String.class);
        Optional<Hold> hold = directory.hold(holdId);
        if (hold.isEmpty() || hold.get().frozenMinor() == 0) {
            return true;
        }
        // no line check: phase two of a try that was accepted while the line was usable
        holds.unfreeze(new UnfreezeRequest("tcc-cancel:" + holdId, holdId), false, true);
        return true;
    }
}
