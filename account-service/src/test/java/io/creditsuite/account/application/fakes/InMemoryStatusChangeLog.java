package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.StatusChangeLog;
import io.creditsuite.account.domain.StatusChangeRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail of status changes, unique by request id; stamped with a fixed time. */
public final class InMemoryStatusChangeLog implements StatusChangeLog, Checkpointed {
    private final Map<String, StatusChangeRecord> rows = new LinkedHashMap<>();
    private final Instant now;

    public InMemoryStatusChangeLog(Instant now) {
        this.now = now;
    }

    @Override
    public Optional<StatusChangeRecord> find(String requestId) {
        return Optional.ofNullable(rows.get(requestId));
    }

    @Override
    public StatusChangeRecord append(StatusChangeRecord c) {
        StatusChangeRecord stored = new StatusChangeRecord(c.requestId(), c.accountId(), c.action(), c.before(),
                c.after(), c.subAccounts(), c.operator(), c.reason(), now);
        if (rows.putIfAbsent(c.requestId(), stored) != null) {
            throw new IllegalStateException("request id " + c.requestId() + " is stored already");
        }
        return stored;
    }

    @Override
    public List<StatusChangeRecord> history(long accountId) {
        return rows.values().stream().filter(r -> r.accountId() == accountId).toList();
    }

    @Override
    public Runnable checkpoint() {
        Map<String, StatusChangeRecord> saved = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }
}
