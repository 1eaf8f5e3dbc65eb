package io.creditsuite.reconcile.application.alert;

import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.reconcile.application.discrepancy.DiscrepancyReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discrepancies as Alertmanager alerts (its v2 API; routing, grouping, inhibition and silences are Alertmanager's):
 * every unresolved discrepancy is (re)sent as firing on each pass, as Alertmanager expects of a client; one resolved
 * within {@code resolvedFor} is sent with its end time, so Alertmanager sends "resolved" even if a pass was missed.
 * Labels identify the alert: {@code alertname=BcpDiscrepancy, rule, severity, team, fingerprint, period}.
 */
public class DiscrepancyAlerts {
    /** Where alerts go (Alertmanager in infrastructure). */
    public interface Sink {
        void send(List<Map<String, Object>> alerts);
    }

    private final DiscrepancyReads reads;
    private final Sink sink;
    private final Duration resolvedFor;

    public DiscrepancyAlerts(DiscrepancyReads reads, Sink sink, Duration resolvedFor) {
        this.reads = reads;
        this.sink = sink;
        this.resolvedFor = resolvedFor;
    }

    /** @return how many alerts were sent */
    @Transactional(readOnly = true)
    public int push(Instant now) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        Stream.of("OPEN", "ACKNOWLEDGED").flatMap(s -> reads.list(s, null, 500).stream())
                .forEach(d -> alerts.add(alert(d, null)));
        reads.list("RESOLVED", null, 500).stream()
                .filter(d -> Instant.ofEpochMilli(d.updatedAtEpochMillis()).isAfter(now.minus(resolvedFor)))
                .forEach(d -> alerts.add(alert(d, Instant.ofEpochMilli(d.updatedAtEpochMillis()))));
        if (!alerts.isEmpty()) {
            sink.send(alerts);
        }
        return alerts.size();
    }

    /** The alert of a discrepancy; {@code endsAt} null while it is unresolved. */
    static Map<String, Object> alert(DiscrepancyView d, Instant endsAt) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("alertname", "BcpDiscrepancy");
        labels.put("rule", d.ruleId());
        labels.put("severity", d.severity());
        labels.put("team", d.ownerTeam());
        labels.put("fingerprint", d.fingerprint());
        labels.put("period", d.period());
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("summary", d.detail());
        annotations.put("discrepancy_id", Long.toString(d.id()));
        annotations.put("state", d.state());
        annotations.put("occurrences", Integer.toString(d.occurrences()));
        annotations.put("trace_ids", d.traceIds() == null ? "" : d.traceIds());
        annotations.put("business_ids", d.businessIds() == null ? "" : d.businessIds());
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", Instant.ofEpochMilli(d.openedAtEpochMillis()).toString());
        if (endsAt != null) {
            alert.put("endsAt", endsAt.toString());
        }
        return alert;
    }
}
