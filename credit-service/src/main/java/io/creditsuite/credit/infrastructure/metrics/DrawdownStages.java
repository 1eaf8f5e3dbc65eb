package io.creditsuite.credit.infrastructure.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Where a drawdown's time goes in credit-service, as Micrometer timers {@code cs.drawdown.stage{stage=...}} (served at
 * {@code /actuator/prometheus} as {@code cs_drawdown_stage_seconds_*}; LendingDrawdownBenchmark reads them). Registered
 * in Micrometer's global registry, to which Spring Boot binds its own, so no wiring is needed where they are used.
 *
 * <p>Stages: {@code drawdown} (the whole Dubbo call), {@code tc_begin}, {@code credit_try} (the TCC try in this JVM,
 * fence included), {@code account_try} (account-service's TransOut over Dubbo, fence included), {@code tc_commit}
 * (phase one's commit at the TC; phase two runs after it, asynchronously), {@code credit_confirm} (phase two's
 * business part inside the fence's local transaction).
 */
public final class DrawdownStages {
    public static final Timer DRAWDOWN = stage("drawdown");
    public static final Timer TC_BEGIN = stage("tc_begin");
    public static final Timer CREDIT_TRY = stage("credit_try");
    public static final Timer ACCOUNT_TRY = stage("account_try");
    public static final Timer TC_COMMIT = stage("tc_commit");
    public static final Timer CREDIT_CONFIRM = stage("credit_confirm");

    private DrawdownStages() {
    }

    private static Timer stage(String name) {
        return Timer.builder("cs.drawdown.stage").tag("stage", name)
                .description("time of one stage of a loan drawdown in credit-service").register(Metrics.globalRegistry);
    }

    /** Times {@code work}, also when it throws (a refused try is a stage that took time too). */
    public static <T> T time(Timer timer, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
