package io.creditsuite.credit.application;

import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.AuditEntry;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.domain.LimitChangesInTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The audit log and the limit flows of maintenance, written in the use case's own transaction. */
public class MaintenanceSupport {
    private final MaintenanceStore store;
    private final LimitChangesInTransaction changes;
    private final Clock clock;

    public MaintenanceSupport(MaintenanceStore store, LimitChangesInTransaction changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    public MaintenanceStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** The fields every audited change of one line carries, checked, and the request's body hash. */
    public record LineChange(String requestId, String actor, String reason, String lineId, String bodyHash) {
    }

    /** Checks the common fields of an audited line change ({@code INVALID_ARGUMENT} when one is missing or malformed). */
    public static LineChange lineChange(Object request, String requestId, String actor, String reason, String lineId) {
        return new LineChange(Requests.requireId(requestId, "requestId"), Requests.requireId(actor, "actor"),
                Requests.requireText(reason, "reason", 500), Requests.requireId(lineId, "lineId"), Requests.bodyHash(request));
    }

    /** The answer to a retry of an audited request, if it was done already. */
    public Optional<MaintenanceResult> earlier(String requestId, String bodyHash) {
        return store.audit(requestId).map(entry -> {
            if (!entry.bodyHash().equals(bodyHash)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + requestId
                        + " was already used with a different body");
            }
            return new MaintenanceResult(requestId, MaintenanceOutcome.APPLIED, null);
        });
    }

    public void audit(String requestId, String lineId, String action, String actor, String checker, String before,
                      String after, String reason, String bodyHash) {
        if (!store.insertAudit(new AuditEntry(requestId, lineId, action, actor, checker, clock.instant(), before, after,
                reason, bodyHash))) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "request " + requestId + " is being applied");
        }
    }

    /**
     * An audited change of one line's attributes (rate, term), after {@link #earlier} found no earlier answer: the
     * line as committed, locked to the commit (its row first: the one lock order; not the briefly cached copy, so
     * the audit's "before" is exact and the change writer's shared read of the row never straddles the change),
     * then {@code apply}, which checks, writes and returns the line after, the audit row with before and after, and
     * the line cache told.
     */
    public MaintenanceResult changeLine(LineChange change, String action, LimitDirectory directory,
                                        UnaryOperator<CreditLine> apply) {
        CreditLine line = store.lockLine(change.lineId()).orElseThrow(() -> new ApiException(
                ErrorCode.CREDIT_LINE_UNKNOWN, "no credit line " + change.lineId()));
        CreditLine after = apply.apply(line);
        audit(change.requestId(), change.lineId(), action, change.actor(), null, line.describe(), after.describe(),
                change.reason(), change.bodyHash());
        directory.lineChanged(change.lineId());
        return new MaintenanceResult(change.requestId(), MaintenanceOutcome.APPLIED, null);
    }

    /** Writes a limit flow; a refusal rolls the whole use case back. */
    public void applyChange(String requestId, String bodyHash, LimitOperation operation, List<Long> nodeIds, FlowHeader header) {
        LimitChangeResult result = changes.applyHere(new LimitChange(requestId, bodyHash, operation, nodeIds, 0, header, null));
        if (result instanceof LimitChangeResult.Rejected rejected) {
            throw Requests.toApi(rejected.rejection());
        }
        if (result instanceof LimitChangeResult.IdReused) {
            throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "request id " + requestId + " is a flow already");
        }
    }

    public static LimitRejection grantExceeds(String detail) {
        return new LimitRejection(LimitRejection.Reason.GRANT_EXCEEDS_PARENT, detail);
    }
}
