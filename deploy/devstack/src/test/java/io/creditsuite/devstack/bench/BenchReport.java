package io.creditsuite.devstack.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's printout: each round, where the time goes, the loans' outcome, and the BENCH line. */
final class BenchReport {
    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    /** The stage timers the benchmark reads, in the order a drawdown passes them. */
    static List<StageTimers.Series> series(String gatewayUrl, String creditUrl, String accountUrl) {
        String g = gatewayUrl.replaceAll("/+$", "");
        return List.of(
                new StageTimers.Series("gateway: POST /api/v1/loans in Spring MVC", g, "http_server_requests_seconds",
                        "uri=\"/api/v1/loans\";method=\"POST\""),
                new StageTimers.Series("gateway: signature (key + HMAC)", g, "cs_gateway_edge_seconds", "step=\"signature\""),
                new StageTimers.Series("gateway: nonce insert", g, "cs_gateway_edge_seconds", "step=\"nonce\""),
                new StageTimers.Series("gateway: idempotency claim", g, "cs_gateway_edge_seconds",
                        "step=\"idempotency_claim\""),
                new StageTimers.Series("gateway: idempotency complete", g, "cs_gateway_edge_seconds",
                        "step=\"idempotency_complete\""),
                new StageTimers.Series("credit: drawdown (Dubbo provider)", creditUrl, "cs_drawdown_stage_seconds",
                        "stage=\"drawdown\""),
                new StageTimers.Series("credit: TC begin", creditUrl, "cs_drawdown_stage_seconds", "stage=\"tc_begin\""),
                new StageTimers.Series("credit: credit try (fence, branch register)", creditUrl,
                        "cs_drawdown_stage_seconds", "stage=\"credit_try\""),
                new StageTimers.Series("credit: account try (Dubbo round trip)", creditUrl, "cs_drawdown_stage_seconds",
                        "stage=\"account_try\""),
                new StageTimers.Series("account: TransOut try (provider)", accountUrl, "cs_transfer_branch_seconds",
                        "phase=\"try\";direction=\"OUT\""),
                new StageTimers.Series("credit: TC commit (phase one)", creditUrl, "cs_drawdown_stage_seconds",
                        "stage=\"tc_commit\""),
                new StageTimers.Series("phase two: credit confirm (business part)", creditUrl,
                        "cs_drawdown_stage_seconds", "stage=\"credit_confirm\""),
                new StageTimers.Series("phase two: account confirm (business part)", accountUrl,
                        "cs_transfer_branch_seconds", "phase=\"confirm\";direction=\"OUT\""));
    }

    void round(int round, LoadRun.Result r, Duration drain, StageTimers.Reading before, StageTimers.Reading after) {
        double seconds = r.took().toNanos() / 1e9;
        out.printf(Locale.ROOT, "round %d %-5s: %6d drawdowns in %5.1f s = %7.1f/s (until ACTIVE, drain %5.1f s: %7.1f/s)"
                        + "  p50 %7.1f ms  p99 %7.1f ms  failed %s%n", round, r.name(), r.ok(), seconds, r.perSecond(),
                drain.toNanos() / 1e9, r.ok() / ((r.took().toNanos() + drain.toNanos()) / 1e9), r.p50Ms(), r.p99Ms(),
                r.failures());
        if (r.ok() > 0 && !after.cpuSeconds().isEmpty()) {
            StringBuilder cpu = new StringBuilder("          CPU µs per drawdown (all: this JVM and every process it started):");
            after.cpuSeconds().forEach((name, s) -> cpu.append(String.format(Locale.ROOT, " %s %.0f,", name,
                    (s - before.cpuSeconds().getOrDefault(name, s)) * 1e6 / r.ok())));
            out.println(cpu.substring(0, cpu.length() - 1));
        }
    }

    void stages(Map<String, double[]> stages) {
        out.println("          where the time goes (this round's calls, mean ms):");
        stages.forEach((label, v) -> out.printf(Locale.ROOT, "            %-48s %8.0f calls %8.2f ms%n", label, v[0],
                v[1]));
    }

    /** The loans of the partners matching {@code partnerPattern} (SQL LIKE) by status. */
    void loans(Connection db, String partnerPattern) throws SQLException {
        out.println("loans of " + partnerPattern + ":");
        try (PreparedStatement q = db.prepareStatement("SELECT status, COUNT(*), AVG(TIMESTAMPDIFF(MICROSECOND,"
                + " created_at, disbursed_at)) / 1000 FROM cs_credit.lending_loan WHERE partner_id LIKE ? GROUP BY status")) {
            q.setString(1, partnerPattern);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    out.printf(Locale.ROOT, "loans %-10s %7d  (mean created -> ACTIVE %s ms)%n", rows.getString(1),
                            rows.getLong(2), rows.getObject(3) == null ? "-" : String.format(Locale.ROOT, "%.0f",
                                    rows.getDouble(3)));
                }
            }
        }
    }

    void rowLocks(LoadRun.Result r, RowLockCounters locks) {
        if (r.ok() > 0) {
            out.printf(Locale.ROOT, "          row locks (InnoDB, whole server): %d waits, %d ms waited = %.2f waits and"
                    + " %.1f ms per drawdown%n", locks.waits(), locks.waitMillis(), (double) locks.waits() / r.ok(),
                    (double) locks.waitMillis() / r.ok());
        }
    }

    /** @param cold the same drawdowns on cold rows (one lender per client), when the run measured them */
    void summary(LoadRun.Result naive, LoadRun.Result answered, LoadRun.Result settled, List<LoadRun.Result> cold,
                 LenderInvariants.Result suite, LenderInvariants.Result baseline) {
        out.println();
        out.println("| path | drawdowns | per second | p50 ms | p99 ms | ratio to naive | failed |");
        out.println("|---|---|---|---|---|---|---|");
        List<LoadRun.Result> rows = new java.util.ArrayList<>(List.of(naive, answered, settled));
        rows.addAll(cold);
        for (LoadRun.Result r : rows) {
            out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2f | %d |%n", r.name(), r.ok(), r.perSecond(),
                    r.p50Ms(), r.p99Ms(), r.perSecond() / naive.perSecond(), r.failed());
        }
        out.printf("invariants: suite overdrawn=%d drift=%d; baseline overdrawn=%d drift=%d%n", suite.overdrawn(),
                suite.drift(), baseline.overdrawn(), baseline.drift());
        String coldKeys = cold.isEmpty() ? "" : String.format(Locale.ROOT, " cold_tps=%.0f hot_over_cold=%.2f",
                cold.get(0).perSecond(), settled.perSecond() / cold.get(0).perSecond());
        out.printf(Locale.ROOT, "BENCH lending-drawdown tps=%.0f ratio=%.2f p99_ms=%.1f overdrawn=%d drift=%d%s%n",
                settled.perSecond(), settled.perSecond() / naive.perSecond(), answered.p99Ms(), suite.overdrawn(),
                suite.drift(), coldKeys);
    }
}
