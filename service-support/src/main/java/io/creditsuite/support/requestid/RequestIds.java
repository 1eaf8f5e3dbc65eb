package io.creditsuite.support.requestid;

import java.util.UUID;
import org.apache.skywalking.apm.toolkit.trace.TraceContext;
import org.slf4j.MDC;

/**
 * The request id that ties together the logs of one request across services.
 *
 * <p>With the SkyWalking agent attached it is the agent's trace id, so logs and traces join.
 * Without the agent (local runs) {@link TraceContext#traceId()} is empty and a fresh id is made
 * at the edge (gateway or first provider) and propagated over HTTP ({@value #HEADER}), Dubbo
 * (attachment {@value #ATTACHMENT}) and RocketMQ (user property {@value #ATTACHMENT}).
 */
public final class RequestIds {
    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";
    public static final String ATTACHMENT = "cs-request-id";
    /** Longest id accepted from a caller; longer ones are replaced, never truncated into a collision. */
    static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** The caller's id when it is usable, else the trace id, else a new one. */
    public static String acceptOrCreate(String fromCaller) {
        if (fromCaller != null && !fromCaller.isBlank() && fromCaller.length() <= MAX_LENGTH
                && fromCaller.chars().allMatch(RequestIds::isSafe)) {
            return fromCaller;
        }
        String traceId = TraceContext.traceId();
        return traceId == null || traceId.isEmpty() || "N/A".equals(traceId)
                ? UUID.randomUUID().toString().replace("-", "")
                : traceId;
    }

    /** The id of the request being served on this thread, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Ids go into logs and headers: no spaces, no control characters, nothing to inject. */
    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }
}
