package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.creditsuite.devstack.smoke.GatewayClient;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import io.creditsuite.devstack.smoke.GatewayViews.MqReceipt;
import io.creditsuite.devstack.smoke.GatewayViews.MqResult;
import io.creditsuite.devstack.smoke.GatewayViews.TccBranch;
import io.creditsuite.devstack.smoke.GatewayViews.TccBranches;
import io.creditsuite.devstack.smoke.GatewayViews.TccResult;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.devstack.smoke.SmokeDemo;
import io.creditsuite.devstack.smoke.SmokeReport;
import io.creditsuite.devstack.smoke.SmokeTimeouts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.middleware.DebianPackages;
import io.creditsuite.partnerclient.PartnerResponse;
import io.creditsuite.middleware.JdbcUrls;
import io.creditsuite.middleware.MariaDbServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole suite as {@code ./devstack up} starts it (same code: {@link Devstack#up}), on free
 * ports in a directory of its own, so it never collides with a running devstack. Started once
 * for this class; the last test stops it in order and checks that no process is left.
 *
 * <p>Every asynchronous outcome (phase 2 of Seata, message delivery, provider lists) is polled
 * with a bound; no test asserts how long anything took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSystemIT {

    private static final Duration PROVIDERS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PHASE2_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Longer than the broker's check-back of unresolved half messages (3 s timeout + 2 s interval). */
    private static final Duration NOT_DELIVERED_WATCH = Duration.ofSeconds(8);

    private StackSettings settings;
    private RunningStack stack;
    private GatewayClient gateway;
    private boolean stoppedByTest;

    @BeforeAll
    void startTheSuite() throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", "system-it")).toAbsolutePath();
        // as the alerting tests do: so the stack runs its optional Alertmanager here and in CI
        DebianPackages.ensure(DevstackAlertmanager.DEBIAN_BINARY, "prometheus-alertmanager");
        DebianPackages.ensure(DevstackPrometheus.DEBIAN_BINARY, "prometheus");
        // as ./devstack up --with-monitoring runs it
        settings = StackSettings.forTests(Files.createTempDirectory(workDir, "stack-")).withMonitoring(true);
        System.out.println("System test stack in " + settings.workDir() + " on ports " + settings.ports());
        stack = Devstack.up(settings, new ConsoleProgress(System.out));
        System.out.println("System test stack ready after " + ConsoleProgress.seconds(stack.took()));
        gateway = new GatewayClient(stack.gatewayUrl());
    }

    @AfterAll
    void stopWhateverIsLeft() throws IOException {
        if (settings == null) {
            return;
        }
        if (!stoppedByTest) {
            Devstack.down(settings, new ConsoleProgress(System.out));
        }
        // the logs stay for reading; the database files and message store (~200 MB) go
        if (Devstack.status(settings).noneRunning()) {
            deleteRecursively(settings.workDir().resolve("data"));
        }
    }

    @Test
    @Order(1)
    void one_ping_reaches_all_five_services_over_dubbo_and_carries_the_request_id_into_credit_service() {
        String requestId = "it-ping-" + UUID.randomUUID();
        Poll.Outcome<GatewayClient.PingAnswer> ping = Poll.until(() -> gateway.ping(requestId),
                answer -> answer.status() == 200, PROVIDERS_TIMEOUT, Duration.ofMillis(500));

        assertThat(ping.satisfied()).as("ping answered 200 within %s; last: %s", PROVIDERS_TIMEOUT, ping.lastSeen())
                .isTrue();
        GatewayClient.PingAnswer answer = ping.last();
        assertThat(answer.body().status()).isEqualTo("UP");
        assertThat(answer.body().unreachable()).isEmpty();
        assertThat(answer.body().services()).extracting(s -> s.service())
                .containsExactlyInAnyOrderElementsOf(SmokeDemo.SERVICES);
        assertThat(answer.body().services()).allSatisfy(service -> assertThat(service.reachable()).isTrue());
        assertThat(answer.body().requestId()).isEqualTo(requestId);
        assertThat(answer.echoedRequestId()).isEqualTo(requestId);

        Path creditLog = settings.logFile(Component.CREDIT);
        Poll.Outcome<String> logged = Poll.until(() -> read(creditLog), text -> text.contains(requestId),
                Duration.ofSeconds(10), POLL);
        assertThat(logged.satisfied())
                .as("request id %s, sent as X-Request-Id to the gateway, appears in %s", requestId, creditLog)
                .isTrue();
    }

    @Test
    @Order(2)
    void a_message_published_by_credit_service_is_consumed_by_reconcile_service_under_the_callers_request_id() {
        String probeId = "it-mq-" + UUID.randomUUID();
        String requestId = "it-mq-req-" + UUID.randomUUID();

        MqResult sent = gateway.publishMq(probeId, false, false, requestId);

        assertThat(sent.probeId()).isEqualTo(probeId);
        assertThat(sent.sendStatus()).isEqualTo("SEND_OK");
        MqReceipt receipt = awaitDelivery(probeId);
        assertThat(receipt.probeId()).isEqualTo(probeId);
        assertThat(receipt.consumerGroup()).isNotBlank();
        assertThat(receipt.receivedAtEpochMilli()).isPositive();
        // HTTP -> gateway -> Dubbo attachment -> credit-service's log context
        Path creditLog = settings.logFile(Component.CREDIT);
        Poll.Outcome<String> logged = Poll.until(() -> read(creditLog), text -> text.contains("[req:" + requestId + "]"),
                Duration.ofSeconds(10), POLL);
        assertThat(logged.satisfied()).as("request id %s of the publish appears in %s", requestId, creditLog).isTrue();
    }

    @Test
    @Order(3)
    void a_transactional_message_whose_local_transaction_rolled_back_is_never_delivered() {
        String rolledBack = "it-mq-rb-" + UUID.randomUUID();
        String committed = "it-mq-ok-" + UUID.randomUUID();

        MqResult rollback = gateway.publishMq(rolledBack, true, true);
        MqResult commit = gateway.publishMq(committed, true, false);

        assertThat(rollback.localTransactionState()).isEqualTo("ROLLBACK_MESSAGE");
        assertThat(commit.localTransactionState()).isEqualTo("COMMIT_MESSAGE");
        // sent after the rolled-back one: once it is consumed, the other would have been too
        awaitDelivery(committed);
        Poll.Outcome<MqReceipt> leaked = Poll.until(() -> gateway.mqReceipt(rolledBack), MqReceipt::received,
                NOT_DELIVERED_WATCH, Duration.ofMillis(500));
        assertThat(leaked.lastError()).as("receipt of %s readable", rolledBack).isNull();
        assertThat(leaked.satisfied()).as("message %s of a rolled-back local transaction was delivered: %s",
                rolledBack, leaked.last()).isFalse();
    }

    @Test
    @Order(4)
    void a_tcc_global_transaction_that_commits_confirms_both_branches() throws SQLException {
        TccResult result = runTcc("COMMIT");

        assertThat(result.globalStatus()).isEqualTo("Committed");
        assertThat(result.accountTry()).isEqualTo("SUCCEEDED");
        TccBranches branches = awaitBranches(result.probeId(),
                b -> b.credit().is("CONFIRMED", 2) && b.account().is("CONFIRMED", 2));
        assertBothOn(result, branches);
        assertThat(fenceStatuses("cs_credit", result.xid())).containsExactly(2);
        assertThat(fenceStatuses("cs_account", result.xid())).containsExactly(2);
    }

    @Test
    @Order(5)
    void a_tcc_global_transaction_that_rolls_back_cancels_both_branches() throws SQLException {
        TccResult result = runTcc("ROLLBACK");

        assertThat(result.globalStatus()).isEqualTo("Rollbacked");
        assertThat(result.accountTry()).isEqualTo("SUCCEEDED");
        TccBranches branches = awaitBranches(result.probeId(),
                b -> b.credit().is("CANCELLED", 3) && b.account().is("CANCELLED", 3));
        assertBothOn(result, branches);
        assertThat(fenceStatuses("cs_credit", result.xid())).containsExactly(3);
        assertThat(fenceStatuses("cs_account", result.xid())).containsExactly(3);
    }

    @Test
    @Order(6)
    void a_failed_account_try_is_followed_by_an_empty_rollback() throws SQLException {
        TccResult result = runTcc("FAIL_ACCOUNT_TRY");

        assertThat(result.globalStatus()).isEqualTo("Rollbacked");
        assertThat(result.accountTry()).isEqualTo("FAILED");
        TccBranches branches = awaitBranches(result.probeId(),
                b -> b.credit().is("CANCELLED", 3) && b.account().fenceStatus() == 4);
        // the failed try's local transaction rolled back with its fence row: no business effect
        assertThat(branches.account().phase()).isEqualTo("NONE");
        assertThat(fenceStatuses("cs_credit", result.xid())).containsExactly(3);
        assertThat(fenceStatuses("cs_account", result.xid())).containsExactly(4);
    }

    @Test
    @Order(7)
    void a_late_account_try_after_the_rollback_is_refused_and_has_no_effect() throws SQLException {
        TccResult result = runTcc("LATE_ACCOUNT_TRY");

        assertThat(result.globalStatus()).isEqualTo("Rollbacked");
        assertThat(result.accountTry()).isEqualTo("TIMED_OUT");
        TccBranches branches = awaitBranches(result.probeId(),
                b -> b.credit().is("CANCELLED", 3) && "TRY_REFUSED".equals(b.account().phase()));
        // the cancel came first (empty rollback, fence 4); Seata may delete that row once it has
        // refused the late try (then 0). Never tried (1) or committed (2).
        assertThat(branches.account().fenceStatus()).isIn(4, 0);
        assertThat(fenceStatuses("cs_account", result.xid())).isSubsetOf(4);
        assertThat(fenceStatuses("cs_credit", result.xid())).containsExactly(3);
    }

    @Test
    @Order(8)
    void the_smoke_demo_passes() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SmokeReport report = SmokeDemo.withLending(gateway, settings.ports().workbenchUrl(),
                new PrintStream(printed, true, StandardCharsets.UTF_8), SmokeTimeouts.defaults(),
                LendingSmoke.DEVSTACK_OPERATOR_TOKEN).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);

        assertThat(report.failures()).as(output).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(output).contains("Smoke demo: PASS", "PASS  ledger-buffered", "PASS  lending", "PASS  bcp");
    }

    @Test
    @Order(8)
    void account_service_made_its_topics_itself_and_runs_the_day_end_cutover_on_the_devstacks_schedule() {
        String accountLog = read(settings.logFile(Component.ACCOUNT));

        // a fresh broker has no CS_LEDGER_BUFFERED: without this every buffered posting was refused (CS-3013)
        // and no CS_LEDGER_EVENTS: the outbox relay's business events (docs/events.md) would have nowhere to go
        assertThat(accountLog).containsPattern("RocketMQ at \\S+: topics CS_LEDGER_BUFFERED \\((created on \\[broker-a\\]|existed)\\)"
                + ", CS_LEDGER_EVENTS \\((created on \\[broker-a\\]|existed)\\), consumer groups account-ledger-buffered");
        assertThat(accountLog).contains("day-end cutover scheduled at cron '" + StackSettings.DEFAULT_DAY_END_CRON + "'");
    }

    /**
     * BCP on the real events of the smoke demo: its drawdown and repayment each pair with the ledger's side, and its
     * holds' FROZEN with their use or release (real payloads, not the test's idea of them), and nothing disagrees.
     */
    @Test
    @Order(9)
    void bcp_pairs_the_smoke_demos_drawdown_and_repayment_with_the_ledger_and_finds_no_discrepancy()
            throws SQLException {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(strings("cs_reconcile", "SELECT DISTINCT rule_id FROM bcp_pair WHERE state = 'MATCHED'"))
                    .contains("R-DRAWDOWN-LEDGER", "R-REPAYMENT-LEDGER", "R-DRAWDOWN-LIMIT", "R-REPAYMENT-LIMIT",
                            "R-HOLD-SETTLED");
            assertThat(strings("cs_reconcile", "SELECT CONCAT(rule_id, ' ', pair_key, ' ', state) FROM bcp_pair"
                    + " WHERE state IN ('MISMATCHED', 'MISSING')")).isEmpty();
        });
        assertThat(strings("cs_reconcile", "SELECT CONCAT(rule_id, ' ', fingerprint, ': ', detail) FROM bcp_discrepancy"
                + " WHERE state <> 'RESOLVED'")).isEmpty();
    }

    /**
     * Alertmanager runs in the stack with the repo's config, its robot webhook pointed at this stack's
     * reconcile-service, and reconcile-service was told to push its discrepancies there.
     */
    @Test
    @Order(8)
    void alertmanager_answers_its_api_with_the_repos_routing_and_reconcile_service_pushes_to_it() throws Exception {
        assertThat(stack.pids()).containsKey(Component.ALERTMANAGER);
        String url = "http://" + settings.ports().address(PortName.ALERTMANAGER);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/api/v2/status")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode status = new ObjectMapper().readTree(answer.body());
        assertThat(status.path("cluster").path("status").asText()).isEqualTo("disabled");
        String config = status.path("config").path("original").asText();
        assertThat(config).contains("receiver: bcp-robot", "http://" + settings.ports().address(PortName.RECONCILE)
                + "/alerts/robot/dingtalk");
        assertThat(read(settings.logFile(Component.RECONCILE)))
                .contains("BCP discrepancies are pushed to Alertmanager at " + url + " every PT5S");
    }

    /**
     * {@code --with-monitoring}: Prometheus scrapes all five services and the Seata TC, has loaded the repo's rules, and
     * the smoke demo's drawdown is in its Dubbo call histogram and the TC's global transaction series.
     */
    @Test
    @Order(9)
    void prometheus_scrapes_every_service_with_the_repos_rules_and_sees_the_demos_drawdown() throws Exception {
        assertThat(stack.pids()).containsKey(Component.PROMETHEUS);
        String api = DevstackPrometheus.url(settings.ports()) + "/api/v1/";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode targets = getJson(api + "targets?state=active").path("data").path("activeTargets");
            List<String> up = new ArrayList<>();
            targets.forEach(t -> up.add(t.path("labels").path("job").asText() + "=" + t.path("health").asText()));
            assertThat(up).containsExactlyInAnyOrder("credit-service=up", "account-service=up",
                    "approval-service=up", "reconcile-service=up", "gateway=up", "seata-tc=up");
            JsonNode drawdowns = getJson(api + "query?query=" + URLEncoder.encode("sum(rpc_calls_seconds_count{"
                    + "side=\"provider\",service=\"LendingService\",method=\"drawdown\",outcome=\"ok\"})",
                    StandardCharsets.UTF_8)).path("data").path("result");
            assertThat(drawdowns.path(0).path("value").path(1).asDouble()).isGreaterThanOrEqualTo(1);
            JsonNode tc = getJson(api + "query?query=" + URLEncoder.encode(
                    "count({job=\"seata-tc\",__name__!=\"up\",__name__!~\"scrape_.*\"})", StandardCharsets.UTF_8))
                    .path("data").path("result");
            assertThat(tc.path(0).path("value").path(1).asDouble()).as("the TC's own global transaction series")
                    .isGreaterThanOrEqualTo(1);
        });
        List<String> groups = new ArrayList<>();
        getJson(api + "rules").path("data").path("groups").forEach(g -> groups.add(g.path("name").asText()));
        assertThat(groups).contains("bcp", "suite", "suite-business");
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    /** The README's BCP demo: a changed row found by a full check at the gateway, alerted, put right, resolved. */
    @Test
    @Order(9)
    void a_full_check_finds_a_changed_limit_node_alertmanager_fires_and_both_resolve_once_it_is_put_right() {
        String url = "http://" + settings.ports().address(PortName.ALERTMANAGER);
        String found = new BcpDemo(new OperatorClient(URI.create(stack.gatewayUrl() + "/"),
                LendingSmoke.DEVSTACK_OPERATOR_TOKEN), new SuiteDatabase(settings.ports().get(PortName.DB)), url)
                .foundAlertedAndResolved();
        System.out.println("BCP demo: " + found + " found by the full check, alerted, put right and resolved");
    }

    /**
     * A dropped event (issue 13's fault): a rule published through the gateway that discards every
     * LOAN_DRAWDOWN_COMMITTED (its left key is nil) sees only the ledger's side of a real drawdown. After the 1 s window
     * reconcile-service asks credit-service, over Dubbo, for the loan's state now: the loan exists (PRESENT), so the
     * missing event counts as late and waits, window after window, up to credit-suite.bcp.max-extensions (3); then it
     * is raised, naming the answer. R-DRAWDOWN-LEDGER, which dropped nothing, matched the same drawdown.
     */
    @Test
    @Order(10)
    void a_dropped_loan_event_is_raised_after_its_window_and_the_credit_lookup_and_not_before() throws Exception {
        OperatorClient operator = new OperatorClient(URI.create(stack.gatewayUrl() + "/"),
                LendingSmoke.DEVSTACK_OPERATOR_TOKEN);
        String rule = "R-IT-DROPPED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        operator.call("POST", "ops/v1/rules/pairs", "{\"ruleId\":\"" + rule + "\",\"leftEvent\":"
                + "\"LOAN_DRAWDOWN_COMMITTED\",\"rightEvent\":\"LEDGER_TRANSFER_CONFIRMED\",\"leftKey\":\"nil\","
                + "\"rightKey\":\"right.direction == 'OUT' && string.startsWith(right.transferId, 'LOAN-')"
                + " ? right.transferId + '-OUT' : nil\",\"match\":\"true\",\"windowSeconds\":1,"
                + "\"severity\":\"warning\",\"ownerTeam\":\"lending\",\"description\":\"system test: every loan"
                + " event dropped\",\"who\":\"suite-it\"}");
        try {
            LendingFixture.Lender lender = new LendingFixture(stack.gatewayUrl()).lender("drop", 1,
                    new LendingFixture.Terms(10_000_00, 1_000_00, 600_00, 3650));
            PartnerResponse loan = lender.client().post("/api/v1/loans", lender.customer(0).drawdown("100.00"),
                    "it-drop-" + UUID.randomUUID());
            assertThat(loan.status()).as(loan.body()).isEqualTo(201);
            String key = "LOAN-" + loan.json().path("loanId").asText() + "-OUT";

            await().atMost(Duration.ofSeconds(120)).pollInterval(POLL).untilAsserted(() ->
                    assertThat(strings("cs_reconcile", "SELECT CONCAT(state, ' ', detail) FROM bcp_discrepancy"
                            + " WHERE rule_id = '" + rule + "' AND fingerprint = '" + key + "'"))
                            .singleElement().asString().startsWith("OPEN no LOAN_DRAWDOWN_COMMITTED for"
                                    + " LEDGER_TRANSFER_CONFIRMED " + key).contains("(source of truth: PRESENT)"));
            assertThat(strings("cs_reconcile", "SELECT CONCAT(state, ' ', extensions) FROM bcp_pair WHERE rule_id = '"
                    + rule + "' AND pair_key = '" + key + "'")).as("waited max-extensions windows first")
                    .containsExactly("MISSING 3");
            assertThat(strings("cs_reconcile", "SELECT state FROM bcp_pair WHERE rule_id = 'R-DRAWDOWN-LEDGER'"
                    + " AND pair_key = '" + key + "'")).containsExactly("MATCHED");
            for (String id : strings("cs_reconcile", "SELECT id FROM bcp_discrepancy WHERE rule_id = '" + rule
                    + "' AND state <> 'RESOLVED'")) {
                operator.call("POST", "ops/v1/discrepancies/" + id + "/accept", "{\"who\":\"suite-it\","
                        + "\"note\":\"the system test dropped the event itself\"}");
            }
        } finally {
            operator.call("POST", "ops/v1/rules/pairs/" + rule + "/disable", "{\"who\":\"suite-it\","
                    + "\"reason\":\"the system test is over\"}");
        }
    }

    /** Once BCP has consumed the smoke demo's events, the broker counts none of them behind, on either topic. */
    @Test
    @Order(9)
    void reconcile_service_reports_from_the_broker_that_it_has_no_events_behind() {
        URI prometheus = URI.create("http://" + settings.ports().address(PortName.RECONCILE) + "/actuator/prometheus");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(prometheus)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String topic : List.of("CS_CREDIT_EVENTS", "CS_LEDGER_EVENTS")) {
                assertThat(scraped).containsPattern("(?m)^bcp_events_behind\\{[^}]*topic=\"" + topic + "\"[^}]*} 0\\.0$");
            }
            assertThat(scraped).containsPattern("(?m)^bcp_events_behind_failures_total\\{?[^}]*}? 0\\.0$");
        });
    }

    @Test
    @Order(9)
    void up_on_the_running_stack_refuses_plainly_and_starts_nothing() throws IOException {
        Map<Component, String> pidFilesBefore = pidFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DevstackMain cli = new DevstackMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), System.nanoTime());

        int status = cli.run("up", "--dir", settings.workDir().toString());

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(ExitCode.ALREADY_RUNNING.status());
        assertThat(message).contains("already up", "Nothing was started", "./devstack down");
        for (Component component : settings.components()) {
            assertThat(message).contains(component.processName() + " (pid " + stack.pids().get(component) + ")");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("starting");
        assertThat(pidFiles()).isEqualTo(pidFilesBefore);
        assertThatThrownBy(() -> Devstack.up(settings, Progress.silent()))
                .isInstanceOf(AlreadyRunningException.class);
    }

    @Test
    @Order(11)
    void the_ordered_stop_leaves_no_process_alive() {
        List<ProcessHandle> processes = new ArrayList<>();
        for (long pid : stack.pids().values()) {
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(pid + " died early"));
            processes.add(handle);
            // e.g. mariadbd under MariaDB's JVM
            processes.addAll(handle.descendants().toList());
        }

        StopReport report = Devstack.down(settings, new ConsoleProgress(System.out));
        stoppedByTest = true;

        assertThat(report.problems()).isEmpty();
        assertThat(report.stopped()).extracting(StopReport.Stopped::component)
                .containsExactlyInAnyOrder(Component.values());
        List<Component> order = report.stopped().stream().map(StopReport.Stopped::component).toList();
        // Prometheus, which only watches, then the gateway, the entry point
        assertThat(order.subList(0, 2)).containsExactly(Component.PROMETHEUS, Component.GATEWAY);
        // Alertmanager after reconcile-service, which pushes to it
        assertThat(order.subList(6, 12)).containsExactly(Component.ALERTMANAGER, Component.SEATA_TC, Component.BROKER,
                Component.NAMESRV, Component.ZOOKEEPER, Component.MARIADB);
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(Devstack.status(settings).noneRunning()).isTrue();
        assertThat(Devstack.down(settings, Progress.silent()).nothingWasRunning()).isTrue();
    }

    // ---- helpers ----

    private TccResult runTcc(String scenario) {
        String probeId = "it-tcc-" + scenario.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID();
        TccResult result = gateway.startTcc(probeId, scenario);
        assertThat(result.probeId()).isEqualTo(probeId);
        assertThat(result.scenario()).isEqualTo(scenario);
        assertThat(result.xid()).isNotBlank();
        return result;
    }

    private TccBranches awaitBranches(String probeId, Predicate<TccBranches> expected) {
        Poll.Outcome<TccBranches> outcome = Poll.until(() -> gateway.tccBranches(probeId),
                b -> b.credit() != null && b.account() != null && expected.test(b), PHASE2_TIMEOUT, POLL);
        assertThat(outcome.satisfied()).as("branches of %s reached the expected state within %s; last: %s",
                probeId, PHASE2_TIMEOUT, outcome.lastSeen()).isTrue();
        return outcome.last();
    }

    private static void assertBothOn(TccResult result, TccBranches branches) {
        for (TccBranch branch : List.of(branches.credit(), branches.account())) {
            assertThat(branch.probeId()).isEqualTo(result.probeId());
            assertThat(branch.xid()).isEqualTo(result.xid());
        }
        assertThat(branches.credit().service()).isEqualTo("credit-service");
        assertThat(branches.account().service()).isEqualTo("account-service");
    }

    private MqReceipt awaitDelivery(String probeId) {
        Poll.Outcome<MqReceipt> delivered = Poll.until(() -> gateway.mqReceipt(probeId), MqReceipt::received,
                DELIVERY_TIMEOUT, POLL);
        assertThat(delivered.satisfied()).as("%s consumed within %s; last: %s", probeId, DELIVERY_TIMEOUT,
                delivered.lastSeen()).isTrue();
        return delivered.last();
    }

    /** The status of every fence row of {@code xid} in a service's database, read over JDBC. */
    private List<String> strings(String database, String sql) throws SQLException {
        String url = JdbcUrls.withDatabase(MariaDbServer.serverUrl(settings.ports().get(PortName.DB)), database);
        try (Connection connection = DriverManager.getConnection(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private List<Integer> fenceStatuses(String database, String xid) throws SQLException {
        String url = JdbcUrls.withDatabase(MariaDbServer.serverUrl(settings.ports().get(PortName.DB)), database);
        try (Connection connection = DriverManager.getConnection(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status FROM tcc_fence_log WHERE xid = ? ORDER BY branch_id")) {
            query.setString(1, xid);
            List<Integer> statuses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getInt(1));
                }
            }
            return statuses;
        }
    }

    private Map<Component, String> pidFiles() throws IOException {
        Map<Component, String> contents = new java.util.EnumMap<>(Component.class);
        for (Component component : settings.components()) {
            contents.put(component, Files.readString(settings.pidFile(component)).trim());
        }
        return contents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
