package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.devstack.BranchEnvironment.Instance;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.bench.StageTimers;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Environment routing across Dubbo and RocketMQ, on the whole suite as {@code up} starts it plus a branch environment
 * {@code feature-x} started as {@code ./devstack branch --env feature-x --services credit,reconcile} starts it: a second
 * credit-service and reconcile-service, on the same database, registry and broker. Which instance served a call is read
 * from each instance's own counters ({@code rpc_calls_seconds_count} of the provider, {@code env_messages_total} of the
 * BCP consumer), which events carry the tag from the outbox rows; nothing about time is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnvironmentRoutingIT {
    private static final String ENV = "feature-x";
    private static final String DRAWDOWNS = "side=\"provider\";service=\"LendingService\";method=\"drawdown\"";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private StackSettings settings;
    private Map<Component, Instance> branch;
    private Lender lender;

    @BeforeAll
    void startTheSuiteAndTheBranch() throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", "env-it")).toAbsolutePath();
        settings = StackSettings.forTests(Files.createTempDirectory(workDir, "stack-"));
        ConsoleProgress progress = new ConsoleProgress(System.out);
        Devstack.up(settings, progress);
        branch = Devstack.branchUp(settings, ENV, List.of(Component.CREDIT, Component.RECONCILE), progress).stream()
                .collect(Collectors.toMap(Instance::service, instance -> instance));
        lender = new LendingFixture(settings.ports().gatewayUrl(), LendingSmoke.DEVSTACK_OPERATOR_TOKEN)
                .lender("env", 2, new LendingFixture.Terms(50_000_000L, 10_000_000L, 3_000_000L, 365));
    }

    @AfterAll
    void stopEverything() {
        if (settings != null) {
            StopReport report = Devstack.down(settings, new ConsoleProgress(System.out));
            assertThat(report.problems()).isEmpty();
            assertThat(BranchEnvironment.running(settings)).isEmpty();
        }
    }

    @Test
    @Order(1)
    void a_tagged_drawdown_and_its_events_stay_in_the_branch_and_an_untagged_one_never_reaches_it() {
        double baselineBefore = baselineCredit(DRAWDOWNS);
        double branchBefore = branchCredit(DRAWDOWNS);

        String tagged = drawdown(lender.client().inEnvironment(ENV));

        assertThat(branchCredit(DRAWDOWNS)).as("the branch's credit-service served the tagged drawdown")
                .isEqualTo(branchBefore + 1);
        assertThat(baselineCredit(DRAWDOWNS)).as("the baseline's did not").isEqualTo(baselineBefore);
        assertThat(branchCredit("env_fallbacks_total", "env=\"feature-x\";kind=\"rpc\"")).as(
                "the branch has no account-service: its calls fell back to the baseline's, counted").isPositive();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                outboxEnvs(SuiteDatabase.ACCOUNT, tagged)).as("the ledger's events, phase two's too").isNotEmpty()
                .anySatisfy((event, env) -> assertThat(event).startsWith("LEDGER_TRANSFER_CONFIRMED"))
                .allSatisfy((event, env) -> assertThat(env).as(event).isEqualTo(ENV)));
        assertThat(outboxEnvs(SuiteDatabase.CREDIT, tagged)).as("the tagged loan's credit events").isNotEmpty()
                .allSatisfy((event, env) -> assertThat(env).as(event).isEqualTo(ENV));
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                branchReconcile("env_messages_total", "group=\"reconcile-bcp\";env=\"feature-x\";decision=\"consumed\""))
                .as("the branch's BCP consumed the branch's events").isPositive());
        assertThat(baselineReconcile("env_messages_total",
                "group=\"reconcile-bcp\";env=\"feature-x\";decision=\"consumed\"")).as("the baseline's did not").isZero();

        double branchAfterTagged = branchCredit(DRAWDOWNS);
        String untagged = drawdown(lender.client());

        assertThat(baselineCredit(DRAWDOWNS)).isEqualTo(baselineBefore + 1);
        assertThat(branchCredit(DRAWDOWNS)).as("an untagged drawdown never reaches the branch").isEqualTo(branchAfterTagged);
        assertThat(outboxEnvs(SuiteDatabase.CREDIT, untagged)).isNotEmpty().allSatisfy((event, env) -> assertThat(env)
                .as(event).isEmpty());
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                baselineReconcile("env_messages_total", "group=\"reconcile-bcp\";env=\"base\";decision=\"consumed\""))
                .isPositive());
        assertThat(branchReconcile("env_messages_total", "group=\"reconcile-bcp\";env=\"base\";decision=\"consumed\""))
                .as("the branch's BCP never consumes a baseline event").isZero();
    }

    @Test
    @Order(2)
    void without_the_branch_its_requests_and_events_fall_back_to_the_baseline() {
        assertThat(Devstack.branchDown(settings, ENV)).containsExactlyInAnyOrder("credit-service." + ENV,
                "reconcile-service." + ENV);
        double baselineBefore = baselineCredit(DRAWDOWNS);

        String loan = drawdown(lender.client().inEnvironment(ENV));

        assertThat(baselineCredit(DRAWDOWNS)).isEqualTo(baselineBefore + 1);
        assertThat(outboxEnvs(SuiteDatabase.CREDIT, loan)).isNotEmpty().allSatisfy((event, env) -> assertThat(env)
                .as("the tag survives the fallback: " + event).isEqualTo(ENV));
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(baselineReconcile("env_messages_total",
                    "group=\"reconcile-bcp\";env=\"feature-x\";decision=\"consumed\"")).isPositive();
            assertThat(baselineReconcile("env_fallbacks_total", "env=\"feature-x\";kind=\"mq\"")).isPositive();
        });
    }

    /** A drawdown through the gateway; returns its loan id. */
    private String drawdown(PartnerClient client) {
        PartnerResponse response = client.post("/api/v1/loans", lender.customer(0).drawdown("100.00"),
                "env-" + UUID.randomUUID());
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        String loanId = response.body().replaceAll("(?s).*\"loanId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(loanId).doesNotContain("{");
        return loanId;
    }

    /**
     * "event type business key" -> env column (blank for none) of a loan's outbox rows in {@code database}: credit's
     * (loan, disbursement, holds) and account's (the ledger transfers {@code LOAN-<id>-OUT}, confirmed in phase two).
     */
    private Map<String, String> outboxEnvs(String database, String loanId) {
        return new SuiteDatabase(settings.ports().get(PortName.DB)).query(database,
                        "SELECT CONCAT(event_type, ' ', business_key), COALESCE(env, '') FROM outbox_event"
                                + " WHERE business_key LIKE ?",
                        rows -> Map.entry(rows.getString(1), rows.getString(2)), "%" + loanId + "%").stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private double baselineCredit(String selector) {
        return scrape(settings.ports().get(PortName.CREDIT), "rpc_calls_seconds_count", selector);
    }

    private double branchCredit(String selector) {
        return branchCredit("rpc_calls_seconds_count", selector);
    }

    private double branchCredit(String metric, String selector) {
        return scrape(branch.get(Component.CREDIT).httpPort(), metric, selector);
    }

    private double baselineReconcile(String metric, String selector) {
        return scrape(settings.ports().get(PortName.RECONCILE), metric, selector);
    }

    private double branchReconcile(String metric, String selector) {
        return scrape(branch.get(Component.RECONCILE).httpPort(), metric, selector);
    }

    private static double scrape(int port, String metric, String selector) {
        return StageTimers.value(StageTimers.fetch("http://127.0.0.1:" + port), metric, selector);
    }
}
