package io.creditsuite.gateway.application;

import io.creditsuite.gateway.domain.health.ServiceCheck;
import io.creditsuite.gateway.domain.health.ServicePinger;
import io.creditsuite.gateway.domain.health.SuiteHealth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.skywalking.apm.toolkit.trace.SupplierWrapper;
import org.slf4j.MDC;

/** Use case: ping every service the gateway depends on, in parallel, and judge the suite. */
public class CheckSuiteHealth implements AutoCloseable {
    private final List<ServicePinger> pingers;
    private final Set<String> required;
    // one thread per pinger: one slow service does not delay the others' answers
    private final ExecutorService executor;

    public CheckSuiteHealth(List<ServicePinger> pingers) {
        this.pingers = List.copyOf(pingers);
        this.required = pingers.stream().map(ServicePinger::service).collect(Collectors.toUnmodifiableSet());
        this.executor = Executors.newFixedThreadPool(pingers.size(), r -> {
            Thread t = new Thread(r, "suite-health");
            t.setDaemon(true);
            return t;
        });
    }

    public SuiteHealth check() {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<CompletableFuture<ServiceCheck>> futures = pingers.stream()
                .map(p -> CompletableFuture.supplyAsync(SupplierWrapper.of(withLogContext(logContext, p::ping)),
                        executor))
                .toList();
        return SuiteHealth.of(required, futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Carries the request id to the worker thread, so the downstream calls log under it too. The trace goes along in
     * {@link SupplierWrapper} (the SkyWalking agent carries it across threads for a wrapped task, without its optional
     * thread-pool plugin): each ping is a child of the request's trace, not a trace of its own.
     */
    private static <T> Supplier<T> withLogContext(Map<String, String> context, Supplier<T> task) {
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return task.get();
            } finally {
                MDC.clear();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
