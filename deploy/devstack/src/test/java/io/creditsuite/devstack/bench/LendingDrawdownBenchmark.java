package io.creditsuite.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.devstack.Component;
import io.creditsuite.devstack.ConsoleProgress;
import io.creditsuite.devstack.Devstack;
import io.creditsuite.devstack.LaunchExtras;
import io.creditsuite.devstack.PortName;
import io.creditsuite.devstack.RunningStack;
import io.creditsuite.devstack.StackSettings;
import io.creditsuite.devstack.smoke.GatewayClient;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.middleware.JdbcUrls;
import io.creditsuite.middleware.MariaDbServer;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Drawdowns through the gateway (signed HTTP, partner-client) by N clients, every one on ONE funding account and ONE
 * shared guarantee node, against the naive single-service baseline ({@link NaiveLocalDrawdown}: the same rows as one
 * local transaction per drawdown) on the same MariaDB, in the same run. Not part of {@code verify} (not an *IT):
 * <pre>
 * flock /tmp/creditsuite-bench.lock ./mvnw -o -B -ntp -pl deploy/devstack -am verify -Dtest=none
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LendingDrawdownBenchmark -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * Settings (system properties): {@code bench.clients} (32), {@code bench.rounds} (3), {@code bench.seconds} (10),
 * {@code bench.warmup-seconds} (15); {@code bench.contention} {@code both} (default: each round also runs the same
 * drawdowns on cold rows, one lender per client, {@link ColdLenders}) or {@code hot}; {@code bench.full-jit=true}
 * starts the services with the full JIT (C2) instead of the devstack's C1-only start-time setting;
 * {@code bench.gateway-url} runs against a running devstack instead of starting
 * one (then {@code bench.credit-url}, {@code bench.account-url}, {@code bench.db-port} default to the devstack's
 * ports). It prints each round, where the time goes, and {@code BENCH lending-drawdown ...}; it fails on an
 * overdrawn node or funding account, or on drift; it never asserts a time.
 */
class LendingDrawdownBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(300);

    private final int clients = Integer.getInteger("bench.clients", 32);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final Duration window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 15));
    private final boolean cold = !"hot".equals(System.getProperty("bench.contention", "both"));
    private final boolean fullJit = Boolean.getBoolean("bench.full-jit");
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String partnerId = "bench-" + runId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void drawdowns_through_the_gateway_against_one_local_transaction_each() throws Exception {
        String given = System.getProperty("bench.gateway-url");
        StackSettings settings = null;
        try {
            Map<String, Long> pids = new LinkedHashMap<>();
            String gatewayUrl;
            String creditUrl;
            String accountUrl;
            int dbPort;
            if (given == null || given.isBlank()) {
                Path workDir = Files.createDirectories(Path.of("target", "bench")).toAbsolutePath();
                settings = StackSettings.forTests(Files.createTempDirectory(workDir, "stack-"));
                if (fullJit) {
                    // after the devstack's -XX:TieredStopAtLevel=1: the later option wins
                    for (Component service : List.of(Component.GATEWAY, Component.CREDIT, Component.ACCOUNT,
                            Component.APPROVAL, Component.RECONCILE)) {
                        settings = settings.withExtras(service, LaunchExtras.jvmOptions("-XX:TieredStopAtLevel=4"));
                    }
                }
                RunningStack stack = Devstack.up(settings, new ConsoleProgress(System.out));
                gatewayUrl = stack.gatewayUrl();
                creditUrl = "http://127.0.0.1:" + settings.ports().get(PortName.CREDIT);
                accountUrl = "http://127.0.0.1:" + settings.ports().get(PortName.ACCOUNT);
                dbPort = settings.ports().get(PortName.DB);
                for (Component c : List.of(Component.GATEWAY, Component.CREDIT, Component.ACCOUNT, Component.SEATA_TC,
                        Component.MARIADB, Component.BROKER)) {
                    pids.put(c.processName(), stack.pids().get(c));
                }
            } else {
                gatewayUrl = given;
                creditUrl = System.getProperty("bench.credit-url", "http://127.0.0.1:8081");
                accountUrl = System.getProperty("bench.account-url", "http://127.0.0.1:8082");
                dbPort = Integer.getInteger("bench.db-port", 3306);
            }
            pids.put("bench clients", ProcessHandle.current().pid());
            run(gatewayUrl, creditUrl, accountUrl, dbPort, pids);
        } finally {
            if (settings != null) {
                Devstack.down(settings, new ConsoleProgress(System.out));
            }
        }
    }

    private void run(String gatewayUrl, String creditUrl, String accountUrl, int dbPort, Map<String, Long> pids)
            throws Exception {
        GatewayClient gateway = new GatewayClient(gatewayUrl);
        Poll.Outcome<GatewayClient.PingAnswer> up = Poll.until(() -> gateway.ping("bench-ping-" + runId),
                a -> a.status() == 200 && a.body().unreachable().isEmpty(), Duration.ofSeconds(90), Duration.ofMillis(500));
        assertThat(up.satisfied()).as("every service answers the gateway's ping; last %s", up.lastSeen()).isTrue();
        URI base = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
        JsonNode key = partnerKey(base);
        JsonNode seeded = operator(base, "POST", "ops/v1/demo/lenders", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Bench lender\",\"customers\":" + clients + "}");
        String serverUrl = MariaDbServer.serverUrl(dbPort);
        List<NaiveLocalDrawdown.Customer> customers;
        List<ColdLenders.Lender> coldLenders = List.of();
        long fundingAccountId;
        try (Connection db = DriverManager.getConnection(serverUrl, MariaDbServer.USER, MariaDbServer.PASSWORD)) {
            fundingAccountId = LenderInvariants.count(db, "SELECT funding_account_id FROM cs_credit.lending_partner"
                    + " WHERE partner_id = '" + partnerId + "'");
            customers = BenchCustomers.read(db, seeded.path("customers"));
            NaiveLocalDrawdown.prepare(db, customers, fundingAccountId);
            if (cold) {
                coldLenders = ColdLenders.seed((method, path, body) -> operator(base, method, path, body), db, base,
                        partnerId, clients);
            }
        }
        long[] nodeIds = customers.stream().flatMapToLong(c -> java.util.Arrays.stream(c.pathNodeIds())).distinct()
                .toArray();
        System.out.printf("lender %s: %d customers sharing guarantee node %d and funding account %d; %d clients,"
                        + " warm-up %d s, %d rounds of %d s per path%n", partnerId, customers.size(),
                seeded.path("guaranteeNodeId").asLong(), fundingAccountId, clients, warmup.toSeconds(), rounds,
                window.toSeconds());

        PartnerClient[] partnerClients = new PartnerClient[clients];
        Connection[] connections = new Connection[clients];
        String localUrl = JdbcUrls.withDatabase(serverUrl, NaiveLocalDrawdown.SCHEMA);
        for (int i = 0; i < clients; i++) {
            partnerClients[i] = new PartnerClient(base, key.path("keyId").asText(), key.path("secret").asText(),
                    Clock.systemUTC());
            connections[i] = DriverManager.getConnection(localUrl, MariaDbServer.USER, MariaDbServer.PASSWORD);
            connections[i].setAutoCommit(false);
        }
        NaiveLocalDrawdown naive = new NaiveLocalDrawdown(fundingAccountId, runId);
        // one sequence over all rounds: an Idempotency-Key or a loan id used again would be a replay, not a drawdown
        AtomicLong sequence = new AtomicLong();
        LoadRun.Operation oursCall = (client, seq) -> drawdown(partnerClients[client], customers.get(client), client,
                sequence.incrementAndGet());
        List<ColdLenders.Lender> coldOnes = coldLenders;
        LoadRun.Operation coldCall = (client, seq) -> drawdown(coldOnes.get(client).client(),
                coldOnes.get(client).customer(), client, sequence.incrementAndGet());
        LoadRun.Operation naiveCall = (client, seq) -> naive.drawdown(connections[client], customers.get(client),
                amountMinor(), client, sequence.incrementAndGet());
        StageTimers timers = new StageTimers(BenchReport.series(gatewayUrl, creditUrl, accountUrl), pids);

        LoadRun.run("ours-warmup", clients, warmup, oursCall);
        drain(serverUrl);
        if (cold) {
            LoadRun.run("cold-warmup", clients, warmup, coldCall);
            drain(serverUrl);
        }
        LoadRun.run("naive-warmup", clients, warmup, naiveCall);
        List<LoadRun.Result> ours = new ArrayList<>();
        List<LoadRun.Result> oursCold = new ArrayList<>();
        List<LoadRun.Result> local = new ArrayList<>();
        Duration[] drains = {Duration.ZERO, Duration.ZERO};
        BenchReport report = new BenchReport(System.out);
        try (Connection db = DriverManager.getConnection(serverUrl, MariaDbServer.USER, MariaDbServer.PASSWORD)) {
            for (int round = 1; round <= rounds; round++) {
                measure(report, round, "naive", naiveCall, timers, db, null, local);
                drains[0] = drains[0].plus(measure(report, round, "ours", oursCall, timers, db, serverUrl, ours));
                if (cold) {
                    drains[1] = drains[1].plus(measure(report, round, "cold", coldCall, timers, db, serverUrl,
                            oursCold));
                }
            }
        }
        for (Connection c : connections) {
            c.close();
        }
        LoadRun.Result oursAll = LoadRun.combine("ours", ours, Duration.ZERO);
        LoadRun.Result oursSettled = LoadRun.combine("ours until ACTIVE", ours, drains[0]);
        List<LoadRun.Result> coldSettled = cold ? List.of(LoadRun.combine("ours on cold rows until ACTIVE", oursCold,
                drains[1])) : List.of();
        LoadRun.Result localAll = LoadRun.combine("naive", local, Duration.ZERO);
        LenderInvariants.Result suite;
        LenderInvariants.Result baseline;
        try (Connection db = DriverManager.getConnection(serverUrl, MariaDbServer.USER, MariaDbServer.PASSWORD)) {
            suite = LenderInvariants.check(db, "cs_credit", "cs_account", nodeIds, fundingAccountId, customers);
            baseline = LenderInvariants.check(db, NaiveLocalDrawdown.SCHEMA, NaiveLocalDrawdown.SCHEMA, nodeIds,
                    fundingAccountId, customers);
            LenderInvariants.Result coldSuite = ColdLenders.check(db, coldLenders);
            suite = new LenderInvariants.Result(suite.overdrawn() + coldSuite.overdrawn(),
                    suite.drift() + coldSuite.drift());
            report.loans(db, partnerId);
            report.loans(db, partnerId + "-cold-%");
        }
        report.summary(localAll, oursAll, oursSettled, coldSettled, suite, baseline);
        assertThat(suite.overdrawn()).as("suite: nodes over limit + funding below floor").isZero();
        assertThat(suite.drift()).as("suite: |debits - credits| + sum |credit used - loan balance|").isZero();
        assertThat(baseline.overdrawn()).as("baseline: overdrawn").isZero();
        assertThat(baseline.drift()).as("baseline: drift").isZero();
    }

    /**
     * One path's round: its drawdowns, then (for the suite's paths, {@code serverUrl} given) the drain, with the stage
     * timers and InnoDB's row-lock counters read around it. Returns the drain's time.
     */
    private Duration measure(BenchReport report, int round, String name, LoadRun.Operation call, StageTimers timers,
                             Connection db, String serverUrl, List<LoadRun.Result> results) throws Exception {
        StageTimers.Reading before = timers.read();
        RowLockCounters locksBefore = RowLockCounters.read(db);
        LoadRun.Result result = LoadRun.run(name, clients, window, call);
        Duration drain = serverUrl == null ? Duration.ZERO : drain(serverUrl);
        RowLockCounters locks = RowLockCounters.read(db).since(locksBefore);
        StageTimers.Reading after = timers.read();
        results.add(result);
        report.round(round, result, drain, before, after);
        report.rowLocks(result, locks);
        if (serverUrl != null) {
            report.stages(StageTimers.between(before, after));
        }
        return drain;
    }

    /** One signed drawdown of a random 1.00-9.99 CNY; null when the gateway answered 201. */
    private String drawdown(PartnerClient client, NaiveLocalDrawdown.Customer customer, int index, long seq) {
        long amount = amountMinor();
        String body = "{\"customerId\":\"" + customer.customerId() + "\",\"lineId\":\"" + customer.lineId()
                + "\",\"productNodeId\":" + customer.productNodeId() + ",\"amount\":\"" + amount / 100 + "."
                + String.format("%02d", amount % 100) + "\",\"currency\":\"CNY\",\"payeeAccount\":\"6222000000000001\"}";
        PartnerResponse answer = client.post("/api/v1/loans", body, "bench-" + runId + "-" + index + "-" + seq);
        return answer.status() == 201 ? null : answer.status() + " " + answer.problemCode().orElse("");
    }

    private static long amountMinor() {
        return ThreadLocalRandom.current().nextLong(100, 1000);
    }

    /** Waits until no loan of the lender is PENDING or DISBURSING; returns how long that took. */
    private Duration drain(String serverUrl) throws SQLException {
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(serverUrl, MariaDbServer.USER, MariaDbServer.PASSWORD)) {
            Poll.Outcome<Long> drained = Poll.until(() -> {
                try {
                    return LenderInvariants.count(db, "SELECT COUNT(*) FROM cs_credit.lending_loan WHERE partner_id"
                            + " LIKE '" + partnerId + "%' AND status IN ('PENDING', 'DISBURSING')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, open -> open == 0, DRAIN_TIMEOUT, Duration.ofMillis(100));
            assertThat(drained.satisfied()).as("every loan ACTIVE or REFUSED within %s; still open: %s", DRAIN_TIMEOUT,
                    drained.last()).isTrue();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private JsonNode partnerKey(URI base) throws Exception {
        operator(base, "POST", "ops/v1/partners", "{\"partnerId\":\"" + partnerId + "\",\"name\":\"Bench lender\","
                + "\"scopes\":[\"CUSTOMERS_READ\",\"CUSTOMERS_WRITE\",\"LOANS_READ\",\"LOANS_WRITE\",\"HOLDS_WRITE\"]}");
        return operator(base, "POST", "ops/v1/partners/" + partnerId + "/keys", null);
    }

    private JsonNode operator(URI base, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(180))
                .header("X-Operator-Token", System.getProperty("bench.operator-token",
                        LendingSmoke.DEVSTACK_OPERATOR_TOKEN))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " /" + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
