package io.creditsuite.credit.application;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;
import java.time.Instant;
import java.util.function.Supplier;

/** 冻结: a hold on the path of a node; as a TCC try it runs inside the fence's transaction. */
public class FreezeLimitHandler {
    private final LimitOperationRunner operations;

    public FreezeLimitHandler(LimitOperationRunner operations) {
        this.operations = operations;
    }

    /** A caller's hold, written grouped in its own transaction. */
    public LimitOperationResult handle(FreezeRequest request) {
        return freeze(request, null);
    }

    /**
     * A TCC try, inside the fence's transaction: the hold belongs to global transaction {@code xid} until its phase
     * two (the ordinary API refuses to use or release it, {@code HoldGuard}); it takes no expiry.
     */
    public LimitOperationResult tryTcc(FreezeRequest request, String xid) {
        if (xid == null || xid.isBlank() || xid.length() > 128) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a TCC try needs its global transaction id, got '" + xid + "'");
        }
        if (request != null && request.expiresAtEpochMillis() != null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a TCC hold ends by confirm or cancel; it takes no expiry");
        }
        return freeze(request, xid);
    }

    private LimitOperationResult freeze(FreezeRequest request, String tccXid) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a freeze request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        Requests.requireOrderAmounts(request.cashMinor(), request.creditMinor(), request.currency());
        String hash = Requests.bodyHash(request);
        Supplier<LimitChange> build = () -> {
            CreditLine line = operations.line(request.lineId());
            Requests.requireSameCurrency(line.currency(), request.currency(), "line " + line.lineId());
            LimitPath path = operations.pathOnLine(line, request.nodeId());
            Instant now = operations.clock().instant();
            line.ensureUsableAt(now, "hold");
            Instant expiresAt = request.expiresAtEpochMillis() == null ? null
                    : Instant.ofEpochMilli(request.expiresAtEpochMillis());
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the hold would expire at " + expiresAt
                        + ", which is not after now");
            }
            return LimitOperationRunner.change(requestId, hash, new LimitOperation.Freeze(requestId, line.lineId(),
                    line.currency(), path, request.creditMinor(), expiresAt, tccXid), path,
                    LimitOperationRunner.header(line, requestId, request.cashMinor(), request.creditMinor()), true);
        };
        // a TCC try writes in the fence's transaction, so that the fence row and the hold commit together
        return tccXid == null ? operations.apply(requestId, hash, build)
                : operations.applyInCallerTransaction(requestId, hash, build);
    }
}
