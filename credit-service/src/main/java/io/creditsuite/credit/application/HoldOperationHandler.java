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
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;
import java.util.function.BiFunction;

/**
 * The operations on an existing hold: use, unfreeze (and its expiry), disburse, return. Every one a caller asks for
 * needs a usable line (ACTIVE, within its term: {@code CreditLine.ensureUsableAt}), a repayment and a release too.
 * Two protocol steps skip that check ({@code lineChecks = false}): TCC phase two (confirm = use, cancel = release)
 * of a try accepted while the line was usable, which Seata requires to succeed (a refusal would make the TC retry
 * it forever), and the release of an expired hold, which the system does, not a caller. The checks here give the
 * caller a clear error early; the writer checks again under the hold's row lock and the line's shared lock.
 */
public class HoldOperationHandler {
    private final LimitPostings postings;

    public HoldOperationHandler(LimitPostings postings) {
        this.postings = postings;
    }

    /** {@code lineChecks} false only for a TCC confirm, which must not fail after its try passed. */
    public LimitOperationResult use(UseRequest request, boolean lineChecks, boolean inCallerTransaction) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return onHold(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "use", lineChecks, inCallerTransaction, request.amountMinor(), (hold, path) -> {
                    if (request.amountMinor() > hold.frozenMinor()) {
                        throw new ApiException(ErrorCode.USE_EXCEEDS_HOLD, "use of " + request.amountMinor()
                                + " exceeds the " + hold.frozenMinor() + " frozen in hold " + hold.holdId());
                    }
                    return new LimitOperation.UseHold(hold.holdId(), path, request.amountMinor());
                });
    }

    /** {@code lineChecks} false only for a TCC cancel, which must not fail after its try passed. */
    public LimitOperationResult unfreeze(UnfreezeRequest request, boolean lineChecks, boolean inCallerTransaction) {
        require(request);
        return onHold(request.requestId(), Requests.bodyHash(request), request.holdId(), null, "release of the hold",
                lineChecks, inCallerTransaction, 0, (hold, path) -> new LimitOperation.Unfreeze(hold.holdId(), path, false));
    }

    /** The self-release of an expired hold; its request id is derived from the hold's. */
    public LimitOperationResult expire(Hold expired) {
        String requestId = "expire:" + expired.holdId();
        // the system's own release, not a caller's: taken on a frozen, cleared or expired line too
        return onHold(requestId, Requests.bodyHash(requestId), expired.holdId(), null, "expiry release", false, false, 0,
                (hold, path) -> new LimitOperation.Unfreeze(hold.holdId(), path, true));
    }

    public LimitOperationResult disburse(DisburseRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return onHold(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "disbursement", true, false, request.amountMinor(), (hold, path) -> {
                    if (request.amountMinor() > hold.inTransitMinor()) {
                        throw new ApiException(ErrorCode.DISBURSE_EXCEEDS_IN_TRANSIT, "disbursement of "
                                + request.amountMinor() + " exceeds the " + hold.inTransitMinor() + " in transit in hold "
                                + hold.holdId());
                    }
                    return new LimitOperation.Disburse(hold.holdId(), path, request.amountMinor());
                });
    }

    public LimitOperationResult repay(ReturnRequest request) {
        require(request);
        Requests.requirePositive(request.amountMinor(), "amountMinor");
        return onHold(request.requestId(), Requests.bodyHash(request), request.holdId(), request.currency(),
                "repayment", true, false, request.amountMinor(), (hold, path) -> {
                    if (request.amountMinor() > hold.inUseMinor()) {
                        throw new ApiException(ErrorCode.RETURN_EXCEEDS_USED, "return of " + request.amountMinor()
                                + " exceeds the " + hold.inUseMinor() + " in use in hold " + hold.holdId());
                    }
                    return new LimitOperation.Return(hold.holdId(), path, request.amountMinor());
                });
    }

    private LimitOperationResult onHold(String requestId, String hash, String holdId, String currency,
                                        String operationName, boolean lineChecks, boolean inCallerTransaction, long creditMinor,
                                        BiFunction<Hold, LimitPath, LimitOperation> operation) {
        Requests.requireId(requestId.startsWith("expire:") ? holdId : requestId, "requestId");
        if (currency != null) {
            Requests.requireCurrency(currency);
        }
        return postings.post(requestId, hash, inCallerTransaction, () -> {
            Hold hold = postings.hold(holdId);
            if (currency != null) {
                Requests.requireSameCurrency(hold.currency(), currency, "hold " + holdId);
            }
            CreditLine line = postings.line(hold.lineId());
            if (lineChecks) {
                line.ensureUsableAt(postings.clock().instant(), operationName);
            }
            LimitPath path = postings.directory().pathFrom(hold.leafNodeId());
            return LimitPostings.posting(requestId, hash, operation.apply(hold, path), path,
                    LimitPostings.header(line, requestId, 0, creditMinor == 0 ? hold.frozenMinor() : creditMinor), lineChecks);
        });
    }

    private static void require(Object request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a request is required");
        }
    }
}
