package io.creditsuite.support.trace;

import io.creditsuite.support.env.Environments;
import java.util.function.BiConsumer;

import io.creditsuite.support.requestid.RequestIds;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.skywalking.apm.toolkit.trace.ActiveSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes a TCC branch's phases followable: phase two (confirm / cancel) runs on the resource manager's threads, outside
 * any request, so without this it has no trace and its log lines no id. For the phase's duration the log context's
 * request id is {@code xid:<xid>} (every line it logs carries it, in the {@code [req:...]} field), the active span (the
 * method's {@code @Trace} span under the SkyWalking agent; nothing without it) is tagged with the XID, the phase and
 * the business ids, and one line says which branch ran which phase. An SRE searches the logs or the traces for the
 * XID a partner's trace shows at the try, and finds its phase two.
 */
public final class TccPhaseTrace {
    private static final Logger log = LoggerFactory.getLogger(TccPhaseTrace.class);

    private TccPhaseTrace() {
    }

    /** The action-context key of the try's environment (environment routing), for its phase two. */
    public static final String ENV = "env";

    /**
     * Called in a try: puts the request's environment (if any) into the branch's action context (Seata reports it to
     * the TC), so phase two, which the TC calls outside any request, runs in it too and its events carry it.
     *
     * @param addToContext Seata's {@code BusinessActionContextUtil::addContext}
     */
    public static void carryEnvironment(BiConsumer<String, Object> addToContext) {
        Environments.current().ifPresent(env -> addToContext.accept(ENV, env));
    }

    /**
     * Runs {@code work} as phase {@code phase} (try, confirm, cancel) of {@code action}'s branch of {@code xid}, in
     * environment {@code env} (the try's, from the action context; null: the baseline).
     */
    public static <T> T run(String action, String phase, String xid, String env, Map<String, ?> businessIds,
                            Supplier<T> work) {
        return Environments.within(Environments.valid(env) ? env : null,
                () -> run(action, phase, xid, businessIds, work));
    }

    /** Runs {@code work} as phase {@code phase} (try, confirm, cancel) of {@code action}'s branch of {@code xid}. */
    public static <T> T run(String action, String phase, String xid, Map<String, ?> businessIds, Supplier<T> work) {
        String previous = MDC.get(RequestIds.MDC_KEY);
        boolean secondPhase = !"try".equals(phase);
        if (secondPhase || previous == null) {
            MDC.put(RequestIds.MDC_KEY, "xid:" + xid);
        }
        try {
            ActiveSpan.tag("tcc.xid", xid);
            ActiveSpan.tag("tcc.phase", action + "." + phase);
            businessIds.forEach((key, value) -> ActiveSpan.tag(key, String.valueOf(value)));
            log.info("TCC {} {} of global transaction {} {}", action, phase, xid, businessIds);
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }
}
