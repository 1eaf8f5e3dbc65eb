package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.middleware.JdbcUrls;
import io.creditsuite.middleware.MariaDbServer;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A drawdown survives kill -9 (issue 11, "Faults"), on the whole suite as {@code ./devstack up} starts it. credit-service
 * runs with its fault-injection hook on ({@code credit-suite.lending.faults.pause-before-commit-file}): while the file
 * exists, a drawdown whose two tries passed waits before its global commit, which is exactly where each scenario kills
 * one process with SIGKILL ({@link Devstack#kill}) and starts it again ({@link Devstack#restart}). Each scenario ends
 * with the demo lender's invariants and nothing frozen anywhere. Every wait is a poll with a deadline; the figures
 * printed ({@code FAULT ...} lines) are observations, not assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LendingFaultsIT {
    private static final String PARTNER_ID = "faults-partner";
    /** Short, so the TM's crash is rolled back soon; long enough for a TC restart (scenario c) to commit. */
    private static final Duration GLOBAL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECOVERY_MARGIN = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How soon a provider restarted on its old address must serve its consumers (Dubbo reconnects every 5 s). */
    private static final Duration SERVED_AFTER_RESTART = Duration.ofSeconds(30);

    private final ExecutorService partnerCalls = Executors.newCachedThreadPool();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private StackSettings settings;
    private URI gateway;
    private Path pauseFile;
    private PartnerClient partner;
    private JsonNode customer;
    private List<String> customerIds;
    private final List<ProcessHandle> everyProcess = new ArrayList<>();
    /** One warm-up key sequence per run: a key reused by a later scenario would replay an earlier answer. */
    private final AtomicInteger warmUps = new AtomicInteger();
    /** The ZooKeeper sessions of killed providers, per Dubbo port, whose registrations may not have expired yet. */
    private final Map<Integer, Set<Long>> killedSessions = new HashMap<>();

    @BeforeAll
    void startTheSuiteWithTheFaultHook() throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", "faults-it")).toAbsolutePath();
        Path stackDir = Files.createTempDirectory(workDir, "stack-");
        pauseFile = stackDir.resolve("pause-before-commit");
        settings = StackSettings.forTests(stackDir).withExtras(Component.CREDIT, LaunchExtras.args(
                "--credit-suite.lending.faults.pause-before-commit-file=" + pauseFile,
                "--credit-suite.lending.global-timeout=" + GLOBAL_TIMEOUT.toSeconds() + "s",
                "--credit-suite.lending.recovery-margin=" + RECOVERY_MARGIN.toSeconds() + "s"));
        System.out.println("Faults test stack in " + settings.workDir() + " on ports " + settings.ports());
        RunningStack stack = Devstack.up(settings, new ConsoleProgress(System.out));
        stack.pids().values().forEach(pid -> ProcessHandle.of(pid).ifPresent(this::remember));
        gateway = URI.create(stack.gatewayUrl().endsWith("/") ? stack.gatewayUrl() : stack.gatewayUrl() + "/");

        // the gateway's provider lists arrive after it is ready: the first call is retried (it is idempotent)
        Poll.Outcome<JsonNode> made = Poll.until(() -> operator(gateway, "POST", "ops/v1/partners", "{\"partnerId\":\""
                + PARTNER_ID + "\",\"name\":\"Faults Bank\",\"scopes\":[\"CUSTOMERS_READ\",\"CUSTOMERS_WRITE\","
                + "\"LOANS_READ\",\"LOANS_WRITE\",\"HOLDS_WRITE\"]}"), answer -> true, STEP, Duration.ofMillis(500));
        assertThat(made.satisfied()).as("partner made; last %s", made.lastSeen()).isTrue();
        JsonNode key = operator(gateway, "POST", "ops/v1/partners/" + PARTNER_ID + "/keys", null);
        JsonNode seeded = operator(gateway, "POST", "ops/v1/demo/lenders",
                "{\"partnerId\":\"" + PARTNER_ID + "\",\"name\":\"Faults Bank\",\"customers\":1}");
        customer = seeded.path("customers").get(0);
        customerIds = seeded.path("customers").findValuesAsText("customerId");
        partner = new PartnerClient(gateway, key.path("keyId").asText(), key.path("secret").asText(), Clock.systemUTC());
    }

    @AfterAll
    void stopTheSuite() throws IOException {
        partnerCalls.shutdownNow();
        if (settings == null) {
            return;
        }
        StopReport report = Devstack.down(settings, new ConsoleProgress(System.out));
        assertThat(report.problems()).isEmpty();
        assertThat(Devstack.status(settings).noneRunning()).isTrue();
        // the killed ones, the restarted ones and their children (mariadbd): none is left behind
        assertThat(everyProcess).noneMatch(ProcessHandle::isAlive);
        // the logs stay for reading; the database files and message store (~150 MB) go
        try (java.util.stream.Stream<Path> paths = Files.walk(settings.workDir().resolve("data"))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A scenario that failed half way must not fail the next: whatever is down is started again, the pause off. */
    @BeforeEach
    void everyComponentRunsAndNothingPauses() throws IOException {
        Files.deleteIfExists(pauseFile);
        for (ComponentStatus status : Devstack.status(settings).components()) {
            if (!status.running()) {
                restart(status.component());
            }
        }
        awaitKilledRegistrationsExpired();
        awaitDrawdownsWork();
    }

    /**
     * A killed provider's ZooKeeper nodes outlive it until its session expires; when they go, every consumer drops
     * that URL. The next scenario starts after that, so its drawdown does not race the notification (CI failed scenario
     * b that way before consumers reconnected every 5 s).
     */
    private void awaitKilledRegistrationsExpired() {
        String zookeeper = settings.ports().address(PortName.ZOOKEEPER);
        killedSessions.forEach((port, sessions) -> {
            long from = System.nanoTime();
            Poll.Outcome<Set<Long>> expired = Poll.until(() -> ProviderRegistrations.sessionsServing(zookeeper, port),
                    live -> live.stream().noneMatch(sessions::contains), SETTLE, POLL);
            assertThat(expired.satisfied()).as("the killed sessions %s on port %d expired; live %s", sessions, port,
                    expired.lastSeen()).isTrue();
            System.out.printf("FAULT the killed provider's %d ZooKeeper session(s) on port %d expired %d ms after the"
                    + " scenario%n", sessions.size(), port, since(from).toMillis());
        });
        killedSessions.clear();
    }

    /**
     * A restarted provider is running before its consumers list it again (credit-service answered "No provider
     * available" for account-service's TransOut for a while after scenario a's restart): a scenario starts only once a
     * whole drawdown commits, so its own drawdown's tries really reach both services.
     */
    private void awaitDrawdownsWork() {
        Poll.Outcome<PartnerResponse> committed = Poll.until(() -> partner.post("/api/v1/loans", drawdownBody(),
                "faults-" + runId + "-warm-" + warmUps.incrementAndGet()), response -> response.status() == 201, SETTLE,
                POLL);
        assertThat(committed.satisfied()).as("a drawdown commits before the scenario; last %s", committed.lastSeen())
                .isTrue();
    }

    @Test
    @Order(1)
    void account_service_killed_after_both_tries_is_confirmed_by_the_tc_once_it_is_back() throws Exception {
        String key = "faults-" + runId + "-account";
        Paused paused = pausedDrawdown(key);

        long killed = killProvider(Component.ACCOUNT, PortName.ACCOUNT_DUBBO);
        Files.delete(pauseFile);
        long released = System.nanoTime();

        // the TM commits; the TC confirms credit's branch and keeps retrying account's, which has no process
        PartnerResponse first = paused.response().get(STEP.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("loanId").asText()).isEqualTo(paused.loanId());
        assertThat(loanStatus(paused.loanId())).isIn("DISBURSING");
        assertThat(transferPhase(paused.loanId())).as("account's branch waits for its process").isEqualTo("TRIED");

        RestartedComponent account = restart(Component.ACCOUNT);
        long restartedAt = System.nanoTime();
        awaitTransfer(paused.loanId(), "CONFIRMED");
        Duration confirmedAfter = since(restartedAt);
        JsonNode active = awaitLoan(paused.loanId(), "ACTIVE");
        System.out.printf("FAULT account-service kill -9 (pid %d): restarted in %d s, TC confirmed %d ms after it was"
                        + " ready, loan ACTIVE %d ms after it was ready (%d s after the pause was released)%n",
                killed, account.took().toSeconds(), confirmedAfter.toMillis(), since(restartedAt).toMillis(),
                since(released).toSeconds());

        assertThat(active.path("principalOutstanding").asText()).isEqualTo("1000.00");
        assertThat(creditFlowExists("tcc-confirm:loan:" + paused.loanId())).isTrue();
        assertNothingFrozenAndTheInvariantsHold();

        // a new drawdown reaches the restarted account-service soon, not after Dubbo's default 60 s reconnect timer
        Poll.Outcome<PartnerResponse> served = Poll.until(() -> partner.post("/api/v1/loans", drawdownBody(),
                "faults-" + runId + "-after-restart-" + warmUps.incrementAndGet()), response -> response.status() == 201,
                SERVED_AFTER_RESTART, POLL);
        assertThat(served.satisfied()).as("a drawdown committed within %s of account-service's restart; last %s",
                SERVED_AFTER_RESTART, served.lastSeen()).isTrue();
        System.out.printf("FAULT a new drawdown committed %d ms after the restarted account-service was ready%n",
                since(restartedAt).toMillis());
        PartnerResponse retried = partner.post("/api/v1/loans", drawdownBody(), key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
    }

    @Test
    @Order(2)
    void credit_service_the_tm_killed_before_its_commit_is_rolled_back_by_the_tc_and_refused_after_its_restart()
            throws Exception {
        String key = "faults-" + runId + "-credit";
        Paused paused = pausedDrawdown(key);

        long killed = killProvider(Component.CREDIT, PortName.CREDIT_DUBBO);
        long killedAt = System.nanoTime();
        Files.delete(pauseFile);

        PartnerResponse first = paused.response().get(STEP.toSeconds(), TimeUnit.SECONDS);
        assertThat(first.status()).as("the gateway lost credit-service: %s", first.body()).isEqualTo(503);
        // the TC times the global transaction out; its rollback goes branch by branch and stops at the first it cannot
        // reach, credit's (registered first), so account's reservation waits too, and nothing is half cancelled
        String xid = text("cs_credit", "SELECT xid FROM lending_loan WHERE loan_id = ?", paused.loanId()).orElseThrow();
        Path tcLog = settings.logFile(Component.SEATA_TC);
        Poll.Outcome<String> timedOut = Poll.until(() -> read(tcLog),
                text -> text.contains("Global transaction[" + xid + "] is timeout and will be rollback"), STEP, POLL);
        assertThat(timedOut.satisfied()).as("the TC timed %s out (%s)", xid, tcLog).isTrue();
        Duration timedOutAfter = since(killedAt);
        assertThat(loanStatus(paused.loanId())).isEqualTo("PENDING");
        assertThat(holdFrozen(paused.loanId())).as("credit's branch waits for its process").isEqualTo(1000_00L);

        RestartedComponent credit = restart(Component.CREDIT);
        long restartedAt = System.nanoTime();
        Poll.Outcome<Boolean> creditCancelled = Poll.until(
                () -> creditFlowExists("tcc-cancel:loan:" + paused.loanId()), Boolean::booleanValue, SETTLE, POLL);
        assertThat(creditCancelled.satisfied()).as("the TC cancelled credit's branch after the restart").isTrue();
        awaitTransfer(paused.loanId(), "CANCELLED");
        Duration cancelledAfter = since(restartedAt);
        Poll.Outcome<String> refused = Poll.until(() -> loanStatus(paused.loanId()), "REFUSED"::equals, SETTLE, POLL);
        assertThat(refused.satisfied()).as("the sweeper settled the PENDING loan; last %s", refused.lastSeen()).isTrue();
        System.out.printf("FAULT credit-service kill -9 (pid %d): the TC timed the transaction out %d s after the kill"
                        + " (global timeout %d s), credit-service restarted in %d s, both branches cancelled %d ms and"
                        + " the loan REFUSED %d ms after it was ready%n", killed, timedOutAfter.toSeconds(),
                GLOBAL_TIMEOUT.toSeconds(), credit.took().toSeconds(), cancelledAfter.toMillis(),
                since(restartedAt).toMillis());

        assertThat(holdFrozen(paused.loanId())).isZero();
        assertNothingFrozenAndTheInvariantsHold();
        Poll.Outcome<PartnerResponse> retried = Poll.until(() -> partner.post("/api/v1/loans", drawdownBody(), key),
                response -> response.problemCode().isPresent() && response.json().has("loan"), STEP, POLL);
        assertThat(retried.satisfied()).as("the retry got the final answer; last %s", retried.lastSeen()).isTrue();
        PartnerResponse answer = retried.last();
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.problemCode()).contains("CS-1004");
        assertThat(answer.json().path("refusal").asText()).isEqualTo("UNAVAILABLE");
        assertThat(answer.json().path("loan").path("loanId").asText()).isEqualTo(paused.loanId());
        assertThat(answer.json().path("loan").path("status").asText()).isEqualTo("REFUSED");
    }

    @Test
    @Order(3)
    void the_seata_tc_killed_while_a_drawdown_waits_and_restarted_from_its_store_finishes_it_consistently()
            throws Exception {
        String key = "faults-" + runId + "-tc";
        Paused paused = pausedDrawdown(key);

        long killed = Devstack.kill(settings, Component.SEATA_TC);
        RestartedComponent tc = restart(Component.SEATA_TC);
        Files.delete(pauseFile);
        long releasedAt = System.nanoTime();

        // one way or the other, the same way in both services
        Poll.Outcome<String> settled = Poll.until(() -> loanStatus(paused.loanId()),
                status -> status.equals("ACTIVE") || status.equals("REFUSED"), SETTLE, POLL);
        assertThat(settled.satisfied()).as("loan settled; last %s", settled.lastSeen()).isTrue();
        boolean committed = settled.last().equals("ACTIVE");
        awaitTransfer(paused.loanId(), committed ? "CONFIRMED" : "CANCELLED");
        Poll.Outcome<Boolean> creditPhaseTwo = Poll.until(() -> creditFlowExists(
                (committed ? "tcc-confirm:loan:" : "tcc-cancel:loan:") + paused.loanId()), Boolean::booleanValue,
                SETTLE, POLL);
        assertThat(creditPhaseTwo.satisfied()).isTrue();
        System.out.printf("FAULT seata-tc kill -9 (pid %d): restarted from its store in %d s; the drawdown %s, settled"
                        + " %d ms after the pause was released (%s)%n", killed, tc.took().toSeconds(),
                committed ? "COMMITTED (loan ACTIVE, transfer CONFIRMED)" : "ROLLED BACK (loan REFUSED, transfer CANCELLED)",
                since(releasedAt).toMillis(), loanRefusalDetail(paused.loanId()).orElse("no refusal"));

        assertThat(holdFrozen(paused.loanId())).isZero();
        assertNothingFrozenAndTheInvariantsHold();
        Poll.Outcome<PartnerResponse> retried = Poll.until(() -> partner.post("/api/v1/loans", drawdownBody(), key),
                response -> response.status() == 201 || response.json().has("loan"), STEP, POLL);
        assertThat(retried.satisfied()).as("the retry got the final answer; last %s", retried.lastSeen()).isTrue();
        JsonNode loan = committed ? retried.last().json() : retried.last().json().path("loan");
        assertThat(loan.path("loanId").asText()).isEqualTo(paused.loanId());
        assertThat(loan.path("status").asText()).isIn(committed ? List.of("DISBURSING", "ACTIVE") : List.of("REFUSED"));
    }

    // ---- the scenario's steps ----

    /** A drawdown under way, held by the hook after both tries. */
    private record Paused(String loanId, CompletableFuture<PartnerResponse> response) {
    }

    /** Starts a drawdown with the pause on and returns once both tries are recorded and the TM waits. */
    private Paused pausedDrawdown(String idempotencyKey) throws IOException {
        Files.writeString(pauseFile, "held by LendingFaultsIT");
        CompletableFuture<PartnerResponse> response = CompletableFuture.supplyAsync(
                () -> partner.post("/api/v1/loans", drawdownBody(), idempotencyKey), partnerCalls);
        Poll.Outcome<Optional<String>> loan = Poll.until(() -> loanIdOf(idempotencyKey), Optional::isPresent, STEP, POLL);
        assertThat(loan.satisfied()).as("loan of %s recorded; last %s", idempotencyKey, loan.lastSeen()).isTrue();
        String loanId = loan.last().orElseThrow();
        awaitTransfer(loanId, "TRIED");
        Path creditLog = settings.logFile(Component.CREDIT);
        Poll.Outcome<String> paused = Poll.until(() -> read(creditLog),
                text -> text.contains("drawdown paused before its global commit: loan " + loanId), STEP, POLL);
        assertThat(paused.satisfied()).as("credit-service's TM paused loan %s (%s)", loanId, creditLog).isTrue();
        assertThat(response).isNotDone();
        return new Paused(loanId, response);
    }

    /** SIGKILL of a Dubbo provider, remembering its ZooKeeper sessions (their nodes outlive it). */
    private long killProvider(Component component, PortName dubboPort) {
        int port = settings.ports().get(dubboPort);
        Set<Long> sessions = ProviderRegistrations.sessionsServing(settings.ports().address(PortName.ZOOKEEPER), port);
        assertThat(sessions).as("%s's registrations on port %d", component, port).isNotEmpty();
        killedSessions.computeIfAbsent(port, any -> new HashSet<>()).addAll(sessions);
        return Devstack.kill(settings, component);
    }

    private RestartedComponent restart(Component component) {
        RestartedComponent restarted = Devstack.restart(settings, component, new ConsoleProgress(System.out));
        ProcessHandle.of(restarted.pid()).ifPresent(this::remember);
        return restarted;
    }

    private void remember(ProcessHandle process) {
        everyProcess.add(process);
        everyProcess.addAll(process.descendants().toList());
    }

    private void awaitTransfer(String loanId, String phase) {
        Poll.Outcome<String> outcome = Poll.until(() -> transferPhase(loanId), phase::equals, SETTLE, POLL);
        assertThat(outcome.satisfied()).as("transfer LOAN-%s reached %s; last %s", loanId, phase, outcome.lastSeen())
                .isTrue();
    }

    private JsonNode awaitLoan(String loanId, String status) {
        Poll.Outcome<JsonNode> outcome = Poll.until(() -> partner.get("/api/v1/loans/" + loanId, List.of()).json(),
                loan -> status.equals(loan.path("status").asText()), SETTLE, POLL);
        assertThat(outcome.satisfied()).as("loan %s %s; last %s", loanId, status, outcome.lastSeen()).isTrue();
        return outcome.last();
    }

    /** No hold, no node and no funding transfer keeps anything frozen, and the lender's invariants hold. */
    private void assertNothingFrozenAndTheInvariantsHold() throws SQLException {
        assertThat(sum("cs_credit", "SELECT COALESCE(SUM(frozen_minor), 0) FROM credit_hold")).isZero();
        assertThat(sum("cs_credit", "SELECT COALESCE(SUM(frozen_minor), 0) FROM limit_node")).isZero();
        assertThat(sum("cs_account", "SELECT COUNT(*) FROM tcc_transfer WHERE phase = 'TRIED'")).isZero();
        Poll.Outcome<JsonNode> invariants = Poll.until(() -> operator(gateway, "GET", "ops/v1/demo/lenders/"
                + PARTNER_ID + "/invariants?customerIds=" + String.join(",", customerIds), null),
                report -> report.path("holds").asBoolean(), STEP, POLL);
        assertThat(invariants.satisfied()).as("invariants: %s", invariants.lastSeen()).isTrue();
        assertThat(invariants.last().path("fundingFrozenMinor").asLong()).isZero();
    }

    private String drawdownBody() {
        return "{\"customerId\":\"" + customer.path("customerId").asText() + "\",\"lineId\":\""
                + customer.path("lineId").asText() + "\",\"productNodeId\":" + customer.path("productNodeId").asLong()
                + ",\"amount\":\"1000.00\",\"currency\":\"CNY\",\"payeeAccount\":\"6222000000000001\"}";
    }

    // ---- the facts, read over JDBC ----

    private Optional<String> loanIdOf(String requestId) {
        return text("cs_credit", "SELECT loan_id FROM lending_loan WHERE partner_id = ? AND request_id = ?",
                PARTNER_ID, requestId);
    }

    private String loanStatus(String loanId) {
        return text("cs_credit", "SELECT status FROM lending_loan WHERE loan_id = ?", loanId).orElse("NONE");
    }

    private Optional<String> loanRefusalDetail(String loanId) {
        return text("cs_credit", "SELECT refusal_detail FROM lending_loan WHERE loan_id = ?", loanId);
    }

    private String transferPhase(String loanId) {
        return text("cs_account", "SELECT phase FROM tcc_transfer WHERE transfer_id = ? AND direction = 'OUT'",
                "LOAN-" + loanId).orElse("NONE");
    }

    private long holdFrozen(String loanId) {
        return text("cs_credit", "SELECT frozen_minor FROM credit_hold WHERE hold_id = ?", "loan:" + loanId)
                .map(Long::parseLong).orElse(0L);
    }

    private boolean creditFlowExists(String requestId) {
        return text("cs_credit", "SELECT request_id FROM credit_flow WHERE request_id = ?", requestId).isPresent();
    }

    private long sum(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Optional<String> text(String database, String sql, String... parameters) {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        String url = JdbcUrls.withDatabase(MariaDbServer.serverUrl(settings.ports().get(PortName.DB)), database);
        return DriverManager.getConnection(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private JsonNode operator(URI gateway, String method, String path, String body) {
        return new OperatorClient(gateway, LendingSmoke.DEVSTACK_OPERATOR_TOKEN).call(method, path, body);
    }
}
