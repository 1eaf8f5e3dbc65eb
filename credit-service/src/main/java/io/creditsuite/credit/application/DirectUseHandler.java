package io.creditsuite.credit.application;

import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;

/** 使用 without an earlier hold: the hot path of the benchmark and of the 64-thread race. */
public class DirectUseHandler {
    private final LimitOperationRunner operations;

    public DirectUseHandler(LimitOperationRunner operations) {
        this.operations = operations;
    }

    public LimitOperationResult handle(DirectUseRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a use request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        Requests.requireOrderAmounts(request.cashMinor(), request.creditMinor(), request.currency());
        String hash = Requests.bodyHash(request);
        return operations.apply(requestId, hash, () -> {
            CreditLine line = operations.line(request.lineId());
            Requests.requireSameCurrency(line.currency(), request.currency(), "line " + line.lineId());
            LimitPath path = operations.pathOnLine(line, request.nodeId());
            line.ensureUsableAt(operations.clock().instant(), "use");
            return LimitOperationRunner.change(requestId, hash, new LimitOperation.DirectUse(requestId, line.lineId(),
                    line.currency(), path, request.creditMinor()), path,
                    LimitOperationRunner.header(line, requestId, request.cashMinor(), request.creditMinor()), true);
        });
    }
}
