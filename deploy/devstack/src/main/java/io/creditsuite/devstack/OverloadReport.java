package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.OpenLoop.Phase;
import io.creditsuite.devstack.OverloadRun.Result;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The overload run's table: per phase the target and offered rates, what was admitted and refused (a request's first
 * send; replays with the same key are counted apart), the admitted requests' latency percentiles, the sends by status
 * and code, each check PASS or FAIL, and a last {@code BENCH overload ...} line for scripts.
 */
final class OverloadReport {

    private OverloadReport() {
    }

    static void print(Result result, PrintStream out) {
        out.println();
        out.println("Phases (open loop; admitted = neither 429 nor 503; latencies of admitted first sends)");
        out.printf(Locale.ROOT, "  %-9s %8s %9s %7s %7s %8s %10s %6s %6s %5s %8s %8s %8s %8s%n", "phase", "target/s",
                "offered/s", "sent", "skipped", "admitted", "admitted/s", "429", "503", "other", "p50 ms", "p90 ms",
                "p99 ms", "max ms");
        for (Phase phase : result.phases()) {
            List<OverloadSample> firsts = firsts(result, phase.name());
            Latencies admitted = latencies(result, phase.name());
            out.printf(Locale.ROOT, "  %-9s %8.1f %9.1f %7d %7d %8d %10.1f %6d %6d %5d %8.1f %8.1f %8.1f %8.1f%n",
                    phase.name(), phase.rate(), phase.offeredRate(), phase.sent(), phase.skipped(), admitted.count(),
                    admitted.count() / Math.max(1e-9, phase.scheduleTook().toNanos() / 1e9), status(firsts, 429),
                    status(firsts, 503), firsts.stream().filter(OverloadSample::failure).count(), admitted.millis(50),
                    admitted.millis(90), admitted.millis(99), admitted.maxMillis());
        }
        out.printf(Locale.ROOT, "  replays with the same key: %d%n",
                result.samples().stream().filter(s -> !s.first()).count());
        out.println("  sends by status and code: " + OverloadRun.byStatus(result.samples()));
        out.println();
        out.println("Checks");
        for (Check check : result.checks()) {
            out.printf(Locale.ROOT, "  %-4s %s%n       %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
        }
        out.println();
        Phase overload = result.phases().get(result.phases().size() - 1);
        List<OverloadSample> firsts = firsts(result, overload.name());
        double p99 = latencies(result, overload.name()).millis(99);
        double p99Baseline = latencies(result, result.phases().get(0).name()).millis(99);
        out.printf(Locale.ROOT, "BENCH overload factor=%s seconds=%d offered_rps=%.1f admitted=%d refused_429=%d"
                        + " refused_503=%d p99_admitted_ms=%.1f p99_baseline_ms=%.1f ratio=%.2f checks_failed=%d%n",
                number(result.options().factor()), result.options().duration().toSeconds(), overload.offeredRate(),
                firsts.stream().filter(OverloadSample::admitted).count(), status(firsts, 429), status(firsts, 503), p99,
                p99Baseline, p99Baseline == 0 ? 0 : p99 / p99Baseline, result.failedChecks());
    }

    private static List<OverloadSample> firsts(Result result, String phase) {
        return result.samples().stream().filter(s -> s.first() && s.phase().equals(phase)).toList();
    }

    private static Latencies latencies(Result result, String phase) {
        return new Latencies(firsts(result, phase).stream().filter(OverloadSample::admitted)
                .map(OverloadSample::took).toList());
    }

    private static long status(List<OverloadSample> samples, int status) {
        return samples.stream().filter(s -> s.status() == status).count();
    }

    /** 10 for 10.0, 2.5 for 2.5. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
