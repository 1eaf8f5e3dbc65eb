package io.creditsuite.credit.application;

import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.MaintenanceStore;
import java.util.List;

/** A line's audit log, oldest first. */
public class AuditLogQueryHandler {
    private final MaintenanceStore store;
    private final LimitDirectory directory;

    public AuditLogQueryHandler(MaintenanceStore store, LimitDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    public List<AuditEntryView> handle(String lineId) {
        Requests.requireId(lineId, "lineId");
        directory.line(lineId).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_LINE_UNKNOWN, "no credit line " + lineId));
        return store.auditOf(lineId).stream().map(e -> new AuditEntryView(e.requestId(), e.lineId(), e.action(), e.actor(),
                e.checker(), e.occurredAt().toEpochMilli(), e.before(), e.after(), e.reason()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }
}
