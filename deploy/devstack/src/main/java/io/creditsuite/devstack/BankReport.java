package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.BankRequest.Kind;
import io.creditsuite.devstack.BankRequest.Outcome;
import io.creditsuite.devstack.BankTest.Result;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The bank test's table: requests by kind and outcome, the faults' table (each kill or graceful stop with its times),
 * each check PASS or FAIL, and a last {@code BENCH bank-test ...} (or {@code rolling-restart}) line for scripts.
 */
final class BankReport {

    private BankReport() {
    }

    static void print(Result result, PrintStream out) {
        out.println();
        out.println("Requests (what the clients were told; a retry with the same key is one request)");
        out.printf(Locale.ROOT, "  %-10s %7s %7s %7s %7s %9s%n", "kind", "total", "ok", "failed", "unknown", "attempts");
        for (Kind kind : Kind.values()) {
            var of = result.requests().stream().filter(r -> r.kind() == kind).toList();
            out.printf(Locale.ROOT, "  %-10s %7d %7d %7d %7d %9d%n", kind.name().toLowerCase(Locale.ROOT), of.size(),
                    BankChecks.count(of, Outcome.OK), BankChecks.count(of, Outcome.FAILED),
                    BankChecks.count(of, Outcome.UNKNOWN), of.stream().mapToInt(r -> r.attempts().size()).sum());
        }
        out.printf(Locale.ROOT, "  %-10s %7d %7d %7d %7d %9d%n", "all", result.requests().size(), ok(result),
                BankChecks.count(result.requests(), Outcome.FAILED), BankChecks.count(result.requests(), Outcome.UNKNOWN),
                result.requests().stream().mapToInt(r -> r.attempts().size()).sum());
        out.println("  failed by code: " + failuresByCode(result));
        out.println();
        result.faults().printTable(out);
        out.printf(Locale.ROOT, "  clients ran %.1f s; the stack drained %.1f s after they stopped%n",
                BankKills.seconds(result.clientsRan()), BankKills.seconds(result.drained()));
        out.println();
        out.println("Checks");
        for (Check check : result.checks()) {
            out.printf(Locale.ROOT, "  %-4s %s%n       %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
        }
        out.println();
        out.printf(Locale.ROOT, "BENCH %s clients=%d minutes=%s requests=%d ok=%d failed=%d unknown=%d %s"
                        + " checks_failed=%d%n", result.faults().benchName(), result.options().clients(), minutes(result),
                result.requests().size(), ok(result), BankChecks.count(result.requests(), Outcome.FAILED),
                BankChecks.count(result.requests(), Outcome.UNKNOWN), result.faults().benchFields(),
                result.failedChecks());
    }

    /** What the FAILED requests were told, by kind and code (CS-2014: a node on the path, the shared guarantee, is full). */
    private static Map<String, Long> failuresByCode(Result result) {
        return result.requests().stream().filter(r -> r.outcome() == Outcome.FAILED)
                .collect(Collectors.groupingBy(r -> r.kind().name().toLowerCase(Locale.ROOT) + " " + r.attempts().stream()
                        .filter(a -> a.answered()).reduce((first, second) -> second)
                        .map(a -> a.code().orElse(Integer.toString(a.status()))).orElse("-"),
                        TreeMap::new, Collectors.counting()));
    }

    private static long ok(Result result) {
        return BankChecks.count(result.requests(), Outcome.OK);
    }

    /** Whole minutes as given, or a decimal for the CI's shorter runs (1.5 for 90 s). */
    private static String minutes(Result result) {
        long seconds = result.options().duration().toSeconds();
        return seconds % 60 == 0 ? Long.toString(seconds / 60) : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }
}
