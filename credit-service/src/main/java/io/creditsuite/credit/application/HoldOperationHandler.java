package io.creditsuite.credit.application;

import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.HoldGuard;
import io.creditsuite.credit.domain.HoldRelease;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.LimitChange;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The operations on an existing hold: a caller's use, release, disbursement and repayment; the TCC phase two
 * (confirm, cancel) of a hold a try opened; the release of an expired hold. The rules are the domain's
 * ({@link HoldGuard}, through the operation's plan): they run here first, so the caller gets a clear answer before
 * anything is queued, and the writer runs them again under the hold's row lock.
 *
 * <p>Every operation a caller asks for needs a usable line (ACTIVE, within its term: {@code CreditLine.ensureUsableAt}),
 * a repayment and a release too. Two protocol steps skip that check: TCC phase two of a try accepted while the line
 * was usable, which Seata requires to succeed (a refusal would make the TC retry it forever), and the release of an
 * expired hold, which the system does, not a caller.
 */
public class HoldOperationHandler {
    /** Derived request ids: callers cannot write them ({@link Requests#requireCallerRequestId}). */
    private static final String CONFIRM = "tcc-confirm:";
    private static final String CANCEL = "tcc-cancel:";
    private static final String EXPIRE = "expire:";

    private final LimitOperationRunner operations;

    public HoldOperationHandler(LimitOperationRunner operations) {
        this.operations = operations;
    }

    /** The derived request id of the TCC confirm of {@code holdId}. */
    public static String confirmRequestId(String holdId) {
        return CONFIRM + holdId;
    }

    /** The derived request id of the TCC cancel of {@code holdId}. */
    public static String cancelRequestId(String holdId) {
        return CANCEL + holdId;
    }

    /** A caller's use of part or all of its hold. */
    public LimitOperationResult use(UseRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return callerStep(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(), "use",
                request.amountMinor(), (hold, path) -> new LimitOperation.UseHold(hold.holdId(), path, request.amountMinor()));
    }

    /** A caller's release of what is still frozen in its hold. */
    public LimitOperationResult unfreeze(UnfreezeRequest request) {
        require(request);
        return callerStep(request.requestId(), Requests.bodyHash(request), request.holdId(), null,
                HoldRelease.CALLER.describedAs(), 0,
                (hold, path) -> new LimitOperation.Unfreeze(hold.holdId(), path, HoldRelease.CALLER));
    }

    public LimitOperationResult disburse(DisburseRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return callerStep(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "disbursement", request.amountMinor(),
                (hold, path) -> new LimitOperation.Disburse(hold.holdId(), path, request.amountMinor()));
    }

    public LimitOperationResult repay(ReturnRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return callerStep(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "repayment", request.amountMinor(),
                (hold, path) -> new LimitOperation.Return(hold.holdId(), path, request.amountMinor()));
    }

    /**
     * A disbursement written inside the caller's transaction, so that it commits with the caller's own rows (the
     * loan that becomes ACTIVE); the same rules as {@link #disburse}, line check included.
     */
    public LimitOperationResult disburseInCallerTransaction(DisburseRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return callerStepHere(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "disbursement", request.amountMinor(),
                (hold, path) -> new LimitOperation.Disburse(hold.holdId(), path, request.amountMinor()));
    }

    /**
     * A repayment (return) written inside the caller's transaction, so that it commits with the caller's own rows (the
     * loan's repaid principal, the repayment DONE); the same rules as {@link #repay}, line check included.
     */
    public LimitOperationResult repayInCallerTransaction(ReturnRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return callerStepHere(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "repayment", request.amountMinor(),
                (hold, path) -> new LimitOperation.Return(hold.holdId(), path, request.amountMinor()));
    }

    /**
     * TCC confirm, inside the fence's transaction: uses exactly {@code triedAmount}, what the try froze
     * ({@link HoldGuard#confirm}). Its request id and body are derived from the hold id alone, so a repeated confirm
     * is answered from the flow log.
     */
    public LimitOperationResult confirmTry(String holdId, long triedAmount) {
        Requests.requireId(holdId, "holdId");
        Requests.requirePositive(triedAmount, "triedAmount");
        return protocolStep(CONFIRM + holdId, holdId, triedAmount, true,
                (hold, path) -> new LimitOperation.ConfirmTry(hold.holdId(), path, triedAmount));
    }

    /** TCC cancel, inside the fence's transaction: releases what the try froze. */
    public LimitOperationResult cancelTry(String holdId) {
        Requests.requireId(holdId, "holdId");
        return protocolStep(CANCEL + holdId, holdId, 0, true,
                (hold, path) -> new LimitOperation.Unfreeze(hold.holdId(), path, HoldRelease.TCC_CANCEL));
    }

    /** The self-release of an expired hold; its request id is derived from the hold's. */
    public LimitOperationResult expire(Hold expired) {
        return protocolStep(EXPIRE + expired.holdId(), expired.holdId(), 0, false,
                (hold, path) -> new LimitOperation.Unfreeze(hold.holdId(), path, HoldRelease.EXPIRY));
    }

    private LimitOperationResult callerStep(String requestId, String hash, String holdId, String currency,
                                            String operationName, long creditMinor,
                                            BiFunction<Hold, LimitPath, LimitOperation> operation) {
        Requests.requireId(requestId, "requestId");
        if (currency != null) {
            Requests.requireCurrency(currency);
        }
        return operations.apply(requestId, hash,
                callerChange(requestId, hash, holdId, currency, operationName, creditMinor, operation));
    }

    private LimitOperationResult callerStepHere(String requestId, String hash, String holdId, String currency,
                                                String operationName, long creditMinor,
                                                BiFunction<Hold, LimitPath, LimitOperation> operation) {
        Requests.requireId(requestId, "requestId");
        Requests.requireCurrency(currency);
        return operations.applyInCallerTransaction(requestId, hash,
                callerChange(requestId, hash, holdId, currency, operationName, creditMinor, operation));
    }

    private Supplier<LimitChange> callerChange(String requestId, String hash, String holdId, String currency,
                                               String operationName, long creditMinor,
                                               BiFunction<Hold, LimitPath, LimitOperation> operation) {
        return () -> {
            Hold hold = operations.hold(holdId);
            if (currency != null) {
                Requests.requireSameCurrency(hold.currency(), currency, "hold " + holdId);
            }
            CreditLine line = operations.line(hold.lineId());
            line.ensureUsableAt(operations.clock().instant(), operationName);
            return change(requestId, hash, hold, line, creditMinor, operation, true);
        };
    }

    /**
     * A step of the protocol, not a caller's: TCC phase two runs in the fence's transaction, the expiry in its own;
     * neither checks the line (see the class comment).
     */
    private LimitOperationResult protocolStep(String requestId, String holdId, long creditMinor,
                                              boolean inFenceTransaction,
                                              BiFunction<Hold, LimitPath, LimitOperation> operation) {
        String hash = Requests.bodyHash(requestId);
        Supplier<LimitChange> build = () -> {
            Hold hold = operations.hold(holdId);
            return change(requestId, hash, hold, operations.line(hold.lineId()), creditMinor, operation, false);
        };
        return inFenceTransaction ? operations.applyInCallerTransaction(requestId, hash, build)
                : operations.apply(requestId, hash, build);
    }

    private LimitChange change(String requestId, String hash, Hold hold, CreditLine line, long creditMinor,
                               BiFunction<Hold, LimitPath, LimitOperation> operation, boolean lineMustBeUsable) {
        LimitPath path = operations.directory().pathFrom(hold.leafNodeId());
        LimitOperation op = operation.apply(hold, path);
        // the domain's hold rules, early: a clear answer before anything is queued (the writer plans again under the
        // hold's row lock); a hold operation plans on the hold alone
        op.plan(hold, Map.of(), operations.clock().instant());
        return LimitOperationRunner.change(requestId, hash, op, path,
                LimitOperationRunner.header(line, requestId, 0, creditMinor == 0 ? hold.frozenMinor() : creditMinor),
                lineMustBeUsable);
    }

    private static void require(Object request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a request is required");
        }
    }
}
