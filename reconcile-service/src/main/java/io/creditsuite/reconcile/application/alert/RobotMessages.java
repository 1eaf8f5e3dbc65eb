package io.creditsuite.reconcile.application.alert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An Alertmanager notification as a chat robot's markdown message: DingTalk ({@code msgtype markdown, title, text})
 * or WeCom ({@code msgtype markdown, content}). One line per alert: its fingerprint, severity, summary and trace ids,
 * so whoever reads it in the group can open the trace; at most {@value #MAX_LINES} lines (a robot caps its message).
 */
public final class RobotMessages {
    static final int MAX_LINES = 20;

    private RobotMessages() {
    }

    /** What the notification says, as read from Alertmanager's webhook body. */
    public record Notification(String status, Map<String, String> groupLabels, List<Alert> alerts) {
    }

    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations) {
    }

    public static Map<String, Object> dingTalk(Notification n) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", title(n), "text", "### " + title(n) + "\n\n"
                + lines(n)));
    }

    public static Map<String, Object> weCom(Notification n) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("content", "**" + title(n) + "**\n" + lines(n)));
    }

    static String title(Notification n) {
        Map<String, String> g = n.groupLabels();
        return "[" + n.status().toUpperCase() + ":" + n.alerts().size() + "] " + g.getOrDefault("alertname", "alert")
                + " " + g.getOrDefault("rule", "") + " (" + g.getOrDefault("team", "-") + ")";
    }

    static String lines(Notification n) {
        String shown = n.alerts().stream().limit(MAX_LINES).map(a -> "- " + ("resolved".equals(a.status()) ? "✅ " : "")
                + "**" + a.labels().getOrDefault("fingerprint", "?") + "** " + a.labels().getOrDefault("severity", "")
                + ": " + a.annotations().getOrDefault("summary", "") + traces(a)).collect(Collectors.joining("\n"));
        return n.alerts().size() > MAX_LINES ? shown + "\n- ... and " + (n.alerts().size() - MAX_LINES) + " more"
                : shown;
    }

    private static String traces(Alert a) {
        String ids = a.annotations().getOrDefault("trace_ids", "");
        return ids.isBlank() ? "" : " (trace " + ids + ")";
    }
}
