package io.creditsuite.account.infrastructure.rpc;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Where a TCC transfer branch's time goes in account-service, as Micrometer timers
 * {@code cs.transfer.branch{phase=try|confirm, direction=OUT|IN}} (served at {@code /actuator/prometheus} as
 * {@code cs_transfer_branch_seconds_*}; LendingDrawdownBenchmark reads them). {@code try}: the provider's whole try,
 * the fence's local transaction included; {@code confirm}: phase two's business part inside the fence's local
 * transaction. Registered in Micrometer's global registry, to which Spring Boot binds its own.
 */
final class TransferBranchTimers {
    static final Timer TRY_OUT = timer("try", "OUT");
    static final Timer TRY_IN = timer("try", "IN");
    static final Timer CONFIRM_OUT = timer("confirm", "OUT");
    static final Timer CONFIRM_IN = timer("confirm", "IN");

    private TransferBranchTimers() {
    }

    private static Timer timer(String phase, String direction) {
        return Timer.builder("cs.transfer.branch").tag("phase", phase).tag("direction", direction)
                .description("time of one phase of a TCC transfer branch in account-service")
                .register(Metrics.globalRegistry);
    }

    static void time(Timer timer, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
