package io.creditsuite.credit.application;

import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.PathNode;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.domain.LimitChanges;
import io.creditsuite.credit.domain.LimitChangesInTransaction;
import io.creditsuite.credit.domain.StoredFlow;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every limit operation shares: the idempotent answer to a retry, building the change (whose checks may
 * refuse it), writing it (grouped, or inside the caller's transaction for TCC) and turning the result into the
 * API's answer. LIMIT_INSUFFICIENT is an outcome; every other refusal is an {@link ApiException}.
 */
public class LimitOperationRunner {
    private final LimitDirectory directory;
    private final LimitChanges grouped;
    private final LimitChangesInTransaction here;
    private final Clock clock;

    public LimitOperationRunner(LimitDirectory directory, LimitChanges grouped, LimitChangesInTransaction here, Clock clock) {
        this.directory = directory;
        this.grouped = grouped;
        this.here = here;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public LimitDirectory directory() {
        return directory;
    }

    /** Writes the operation's change grouped with others, in a transaction of its own. */
    public LimitOperationResult apply(String requestId, String bodyHash, Supplier<LimitChange> build) {
        return run(requestId, bodyHash, build, grouped::apply);
    }

    /** Writes the operation's change inside the caller's transaction (a TCC fence's, or maintenance's). */
    public LimitOperationResult applyInCallerTransaction(String requestId, String bodyHash, Supplier<LimitChange> build) {
        return run(requestId, bodyHash, build, here::applyHere);
    }

    private LimitOperationResult run(String requestId, String bodyHash, Supplier<LimitChange> build,
                                     Function<LimitChange, LimitChangeResult> writer) {
        LimitChange change;
        try {
            change = build.get();
        } catch (ApiException | LimitRejection refused) {
            // a retry after its own success may fail today's checks (the hold is used up, the line was frozen
            // since): the flow log answers it first
            Optional<StoredFlow> earlier = directory.flow(requestId);
            if (earlier.isPresent()) {
                return replay(earlier.get(), bodyHash);
            }
            throw refused instanceof LimitRejection rejection ? Requests.toApi(rejection) : (ApiException) refused;
        }
        LimitChangeResult result = writer.apply(change);
        if (result instanceof LimitChangeResult.Accepted a) {
            return new LimitOperationResult(requestId, a.holdId(), LimitOutcome.ACCEPTED, a.flowSeq(), null);
        }
        if (result instanceof LimitChangeResult.Rejected r) {
            // as above: a retry (grouped with others, so not looked up first) refused by today's checks
            Optional<StoredFlow> earlier = directory.flow(requestId);
            if (earlier.isPresent()) {
                return replay(earlier.get(), bodyHash);
            }
            if (r.rejection().reason() == LimitRejection.Reason.LIMIT_INSUFFICIENT) {
                return new LimitOperationResult(requestId, null, LimitOutcome.LIMIT_INSUFFICIENT, 0,
                        r.rejection().getMessage());
            }
            throw Requests.toApi(r.rejection());
        }
        throw reused(requestId);
    }

    private static LimitOperationResult replay(StoredFlow earlier, String bodyHash) {
        if (!earlier.bodyHash().equals(bodyHash)) {
            throw reused(earlier.requestId());
        }
        return new LimitOperationResult(earlier.requestId(), earlier.holdId(), LimitOutcome.ACCEPTED, earlier.flowSeq(),
                null);
    }

    private static ApiException reused(String requestId) {
        return new ApiException(ErrorCode.REQUEST_ID_REUSED,
                "request id " + requestId + " was already used with a different body");
    }

    public CreditLine line(String lineId) {
        Requests.requireId(lineId, "lineId");
        return directory.line(lineId).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_LINE_UNKNOWN,
                "no credit line " + lineId));
    }

    /** The path of {@code nodeId}, which must be a node of {@code line}. */
    public LimitPath pathOnLine(CreditLine line, long nodeId) {
        String nodeLine = directory.lineOfNode(nodeId).orElseThrow(() -> new ApiException(ErrorCode.LIMIT_NODE_UNKNOWN,
                "no limit node " + nodeId));
        if (!nodeLine.equals(line.lineId())) {
            throw new ApiException(ErrorCode.LIMIT_NODE_UNKNOWN, "node " + nodeId + " is not on line " + line.lineId());
        }
        return directory.pathFrom(nodeId);
    }

    public Hold hold(String holdId) {
        Requests.requireId(holdId, "holdId");
        return directory.hold(holdId).orElseThrow(() -> new ApiException(ErrorCode.HOLD_UNKNOWN, "no hold " + holdId));
    }

    /** The flow header of operation {@code requestId} on {@code line}; its trace id by {@link Requests#traceId}. */
    public static FlowHeader header(CreditLine line, String requestId, long cashMinor, long creditMinor) {
        return new FlowHeader(line.lineId(), line.grantorId(), line.holderId(), line.currency(), cashMinor, creditMinor,
                Requests.traceId(requestId));
    }

    /**
     * {@code lineMustBeUsable}: the writer checks again, under the line's lock, that the header's line is usable
     * (the check in the handler, on a briefly cached line, only refuses early).
     */
    public static LimitChange change(String requestId, String bodyHash, LimitOperation operation, LimitPath path,
                                  FlowHeader header, boolean lineMustBeUsable) {
        return new LimitChange(requestId, bodyHash, operation, path.nodes().stream().map(PathNode::nodeId).toList(),
                path.hotRoot(), header, lineMustBeUsable ? header.lineId() : null);
    }
}
