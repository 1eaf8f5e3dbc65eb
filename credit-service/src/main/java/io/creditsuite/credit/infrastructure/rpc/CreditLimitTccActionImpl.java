package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.infrastructure.metrics.DrawdownStages;
import io.creditsuite.support.trace.TccPhaseTrace;
import java.util.Map;
import java.util.Optional;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.BusinessActionContextUtil;
import org.apache.skywalking.apm.toolkit.trace.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Public because Seata invokes confirm and cancel by reflection. A refused try throws, so its fence row rolls
 * back with it and the cancel that follows is an empty rollback. The try is a caller's hold: refused on a frozen,
 * cleared or expired line; the hold it opens belongs to the global transaction until phase two (the ordinary API
 * refuses it, {@code HoldGuard}), and takes no expiry, so the sweeper never releases it. Confirm uses exactly what
 * the try froze (its amount is kept in the action context); cancel releases it. Neither checks the line: what they
 * move was reserved by the try, and Seata requires phase two to succeed. A confirm that cannot use what the try froze
 * is a broken invariant, not a business outcome: it throws (the TC retries and the log says why) instead of
 * reporting success with nothing used.
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
                                          @BusinessActionContextParameter(paramName = "amountMinor") long amountMinor,
                                          FreezeRequest request) {
        if (request.creditMinor() != amountMinor || !request.requestId().equals(holdId)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the try's context (hold " + holdId + ", amount "
                    + amountMinor + ") differs from its request");
        }
        TccPhaseTrace.carryEnvironment(BusinessActionContextUtil::addContext);
        LimitOperationResult result = freeze.tryTcc(request, context == null ? null : context.getXid());
        if (result.outcome() == LimitOutcome.LIMIT_INSUFFICIENT) {
            throw new ApiException(ErrorCode.LIMIT_INSUFFICIENT, result.detail());
        }
        return result;
    }

    @Override
    @Trace(operationName = "TCC/CreditLimit/confirm")
    public boolean confirm(BusinessActionContext context) {
        String holdId = context.getActionContext("holdId", String.class);
        return TccPhaseTrace.run("CreditLimit", "confirm", context.getXid(),
                context.getActionContext(TccPhaseTrace.ENV, String.class), Map.of("hold", String.valueOf(holdId)),
                () -> confirm(context, holdId));
    }

    private boolean confirm(BusinessActionContext context, String holdId) {
        Optional<Long> tried = triedAmount(context);
        if (tried.isEmpty()) {
            // a branch registered before the context carried the amount (in flight across an upgrade): the hold's
            // frozen amount, which only phase two can move, unless this confirm already ran
            if (directory.flow(HoldOperationHandler.confirmRequestId(holdId)).isPresent()) {
                return true;
            }
            Hold hold = directory.hold(holdId).orElseThrow(() -> new IllegalStateException("confirm of "
                    + context.getXid() + ": hold " + holdId + " does not exist"));
            log.warn("confirm of {}: no amount in the action context; using the {} frozen in hold {}", context.getXid(),
                    hold.frozenMinor(), holdId);
            tried = Optional.of(hold.frozenMinor());
        }
        // no line check: phase two of a try that was accepted while the line was usable. A repeated confirm is
        // answered from the flow log (its request id and body are derived from the hold id)
        long amountMinor = tried.get();
        DrawdownStages.time(DrawdownStages.CREDIT_CONFIRM, () -> holds.confirmTry(holdId, amountMinor));
        return true;
    }

    @Override
    @Trace(operationName = "TCC/CreditLimit/cancel")
    public boolean cancel(BusinessActionContext context) {
        String holdId = context.getActionContext("holdId", String.class);
        return TccPhaseTrace.run("CreditLimit", "cancel", context.getXid(),
                context.getActionContext(TccPhaseTrace.ENV, String.class), Map.of("hold", String.valueOf(holdId)),
                () -> {
                    if (directory.hold(holdId).isPresent()) {
                        holds.cancelTry(holdId);
                    } // else the try wrote nothing (refused, or its transaction rolled back): nothing to release
                    return true;
                });
    }

    /** What the try froze, from the action context (Seata's JSON may give it back as any number type or text). */
    private static Optional<Long> triedAmount(BusinessActionContext context) {
        Object amount = context.getActionContext("amountMinor");
        if (amount instanceof Number number) {
            return Optional.of(number.longValue());
        }
        if (amount instanceof String text) {
            return Optional.of(Long.parseLong(text));
        }
        return Optional.empty();
    }
}
