package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.LendingFixture.Terms;
import io.creditsuite.devstack.SuiteDatabase.Node;
import io.creditsuite.devstack.smoke.GatewayClient;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.partnerclient.PartnerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lending through the whole suite as {@code ./devstack up} starts it (one stack for the class, on free ports): a
 * partner signs its requests with the partner client, the gateway calls credit-service, which runs each drawdown as
 * a Seata global transaction with TCC branches in credit-service and account-service. Every answer is checked against
 * the databases themselves (JDBC on the stack's MariaDB: limit nodes, holds, fences, accounts, journal) and the demo
 * lender's invariants ({@code /ops/v1/demo/lenders/{id}/invariants}). Asynchronous outcomes (Seata's phase two, the
 * payout completing a loan) are polled with a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LendingSystemIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long FUNDING = 10_000_000_00L;

    private StackSettings settings;
    private LendingFixture fixture;
    private SuiteDatabase db;
    private LendingChecks checks;
    /** three customers, lines of 600.00 under a guarantee of 1,000.00 */
    private Lender main;
    private final long startedNanos = System.nanoTime();

    @BeforeAll
    void startTheSuiteAndSeedTheLender() throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", "system-it")).toAbsolutePath();
        settings = StackSettings.forTests(Files.createTempDirectory(workDir, "lending-"));
        RunningStack stack = Devstack.up(settings, new ConsoleProgress(System.out));
        System.out.println("Lending system test stack ready after " + ConsoleProgress.seconds(stack.took()));
        fixture = new LendingFixture(stack.gatewayUrl());
        db = new SuiteDatabase(settings.ports().get(PortName.DB));
        checks = new LendingChecks(db);
        // the first call may find no provider yet: wait until a ping reaches every service
        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        Poll.Outcome<GatewayClient.PingAnswer> ping = Poll.until(() -> gateway.ping("it-lending-" + UUID.randomUUID()),
                answer -> answer.status() == 200, Duration.ofSeconds(90), Duration.ofMillis(500));
        assertThat(ping.satisfied()).as("every service reachable; last %s", ping.lastSeen()).isTrue();
        main = fixture.lender("main", 3, new Terms(FUNDING, 1_000_00, 600_00, 3650));
    }

    @AfterAll
    void stopTheSuite() throws IOException {
        System.out.printf("LendingSystemIT took %d s%n", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
        if (settings != null) {
            Devstack.down(settings, new ConsoleProgress(System.out));
            if (Devstack.status(settings).noneRunning()) {
                SuiteFiles.deleteRecursively(settings.workDir().resolve("data"));
            }
        }
    }

    // ---- drawdown: committed, then each kind of refused try ----

    @Test
    @Order(1)
    void a_drawdown_commits_and_its_loan_becomes_active_once_the_ledger_has_paid_out() {
        Customer customer = main.customer(0);
        PartnerResponse answer = main.client().post("/api/v1/loans", customer.drawdown("100.00"), key());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String loanId = answer.json().path("loanId").asText();
        assertThat(answer.header("Location")).contains("/api/v1/loans/" + loanId);
        assertThat(checks.awaitActive(main, loanId).path("principalOutstanding").asText()).isEqualTo("100.00");
        String xid = db.loanXid(loanId);
        checks.awaitFences(xid, LendingChecks.Fences.COMMITTED);
        assertThat(db.holdExposure(loanId)).isEqualTo(100_00);
        assertThat(db.node(main.guaranteeNodeId()).usedMinor()).isEqualTo(100_00);
        assertThat(db.account(customer.loanAccountId()).balanceMinor()).isEqualTo(100_00);
        assertThat(db.account(main.fundingAccountId()).balanceMinor()).isEqualTo(FUNDING - 100_00);
    }

    @Test
    @Order(2)
    void a_drawdown_over_the_line_is_refused_naming_a_node_of_the_line_and_rolls_everything_back() {
        Customer customer = main.customer(0);
        String detail = checks.refusedAndRolledBack(main, customer, "550.00", "LIMIT_INSUFFICIENT", "CS-2014",
                LendingChecks.Fences.CREDIT_TRY_REFUSED);

        List<Long> lineNodes = db.nodesOfLines(customer.lineId()).stream().map(Node::nodeId).toList();
        assertThat(lineNodes).anySatisfy(nodeId -> assertThat(detail).contains("node " + nodeId + ": used + frozen 65000 > limit 60000"));
    }

    @Test
    @Order(3)
    void a_drawdown_within_its_line_but_over_the_shared_guarantee_is_refused_naming_the_guarantee_node() {
        PartnerResponse first = main.client().post("/api/v1/loans", main.customer(1).drawdown("500.00"), key());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        checks.awaitActive(main, first.json().path("loanId").asText());

        // 500.00 fits customer 2's line of 600.00, but the guarantee holds 100.00 + 500.00 of its 1,000.00
        String detail = checks.refusedAndRolledBack(main, main.customer(2), "500.00", "LIMIT_INSUFFICIENT", "CS-2014",
                LendingChecks.Fences.CREDIT_TRY_REFUSED);

        assertThat(detail).contains("node " + main.guaranteeNodeId() + ": used + frozen 110000 > limit 100000");
    }

    @Test
    @Order(4)
    void a_drawdown_on_a_frozen_line_is_refused_and_rolls_everything_back() {
        Customer customer = main.customer(0);
        fixture.freezeLine(customer.lineId());
        try {
            checks.refusedAndRolledBack(main, customer, "10.00", "LINE_FROZEN", "CS-2011",
                LendingChecks.Fences.CREDIT_TRY_REFUSED);
        } finally {
            fixture.unfreezeLine(customer.lineId());
        }
    }

    @Test
    @Order(5)
    void a_drawdown_from_a_frozen_funding_account_is_refused_and_rolls_everything_back() {
        fixture.freezeAccount(main.fundingAccountId());
        try {
            checks.refusedAndRolledBack(main, main.customer(0), "10.00", "FUNDING_ACCOUNT_FROZEN", "CS-3007",
                LendingChecks.Fences.ACCOUNT_TRY_REFUSED);
        } finally {
            fixture.unfreezeAccount(main.fundingAccountId());
        }
    }

    @Test
    @Order(6)
    void a_drawdown_into_a_frozen_loan_account_is_refused_and_the_same_drawdown_commits_once_unfrozen() {
        Customer customer = main.customer(0);
        fixture.freezeAccount(customer.loanAccountId());
        try {
            checks.refusedAndRolledBack(main, customer, "10.00", "LOAN_ACCOUNT_FROZEN", "CS-3007",
                LendingChecks.Fences.ACCOUNT_TRY_REFUSED);
        } finally {
            fixture.unfreezeAccount(customer.loanAccountId());
        }
        // the line, the funding and the loan account are all usable again
        PartnerResponse again = main.client().post("/api/v1/loans", customer.drawdown("10.00"), key());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        checks.awaitActive(main, again.json().path("loanId").asText());
    }

    @Test
    @Order(7)
    void a_drawdown_the_lenders_funding_cannot_cover_is_refused_and_rolls_everything_back() {
        Lender poor = fixture.lender("poor", 1, new Terms(500_00, 1_000_000_00, 600_000_00, 3650));

        String detail = checks.refusedAndRolledBack(poor, poor.customer(0), "600.00", "FUNDING_INSUFFICIENT", "CS-3008",
                LendingChecks.Fences.ACCOUNT_TRY_REFUSED);

        assertThat(detail).isNotBlank();
        assertThat(db.account(poor.fundingAccountId()).balanceMinor()).isEqualTo(500_00);
    }

    @Test
    @Order(8)
    void a_drawdown_on_an_expired_line_is_refused_and_rolls_everything_back() {
        Lender expired = fixture.lender("expired", 1, new Terms(FUNDING, 1_000_000_00, 600_000_00, -1));

        String detail = checks.refusedAndRolledBack(expired, expired.customer(0), "10.00", "LINE_EXPIRED", "CS-2010",
                LendingChecks.Fences.CREDIT_TRY_REFUSED);

        assertThat(detail).contains("expired at");
    }

    // ---- idempotency through the gateway ----

    @Test
    @Order(10)
    void a_retry_after_the_first_finished_replays_its_status_and_bytes_and_makes_no_second_loan() {
        Customer customer = main.customer(2);
        long loansBefore = db.loansOf(customer.customerId());
        String key = key();

        PartnerResponse first = main.client().post("/api/v1/loans", customer.drawdown("20.00"), key);
        PartnerResponse retry = main.client().post("/api/v1/loans", customer.drawdown("20.00"), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(db.loansOf(customer.customerId())).isEqualTo(loansBefore + 1);

        PartnerResponse otherBody = main.client().post("/api/v1/loans", customer.drawdown("21.00"), key);
        LendingChecks.assertProblem(otherBody, 422, "CS-6007");
        assertThat(db.loansOf(customer.customerId())).isEqualTo(loansBefore + 1);
    }

    @Test
    @Order(11)
    void two_tries_of_one_key_sent_at_once_make_one_loan_and_the_second_is_refused_as_in_progress_or_replayed()
            throws Exception {
        Customer customer = main.customer(2);
        long loansBefore = db.loansOf(customer.customerId());
        String key = key();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<PartnerResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(two.submit(() -> {
                    go.await();
                    return main.client().post("/api/v1/loans", customer.drawdown("30.00"), key);
                }));
            }
            go.countDown();
            PartnerResponse a = sent.get(0).get(60, TimeUnit.SECONDS);
            PartnerResponse b = sent.get(1).get(60, TimeUnit.SECONDS);
            PartnerResponse created = a.status() == 201 && a.header("Idempotent-Replayed").isEmpty() ? a : b;
            PartnerResponse second = created == a ? b : a;
            System.out.printf("same key at once: %d and %d %s%n", created.status(), second.status(), second.problemCode().orElse(""));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            if (second.status() == 201) {
                assertThat(second.header("Idempotent-Replayed")).contains("true");
                assertThat(second.body()).isEqualTo(created.body());
            } else {
                LendingChecks.assertProblem(second, 409, "CS-6008");
            }
            assertThat(db.loansOf(customer.customerId())).isEqualTo(loansBefore + 1);
            checks.awaitActive(main, created.json().path("loanId").asText());
        } finally {
            two.shutdownNow();
        }
    }

    // ---- many at once on one guarantee node and one funding account ----

    @Test
    @Order(20)
    void sixty_four_concurrent_drawdowns_and_repayments_keep_every_limit_every_balance_and_the_ledger_in_balance()
            throws Exception {
        LendingRace race = new LendingRace(fixture.lender("hot", 8, new Terms(FUNDING, 2_000_00, 600_00, 3650)), db);
        race.drawFirstLoans("100.00");
        race.firstLoans().forEach(loanId -> checks.awaitActive(race.lender(), loanId));

        LendingRace.Result result = race.run(6, "60.00", 2, "25.00", 32);
        Poll.Outcome<Long> drained = Poll.until(db::unsettled, n -> n == 0, SETTLE, POLL);
        System.out.printf("race: %d drawdowns accepted, %d refused, %d repayments, %d samples, %d ms; drained after %d ms%n",
                result.accepted(), result.refused(), result.repaid(), result.samples(), result.took().toMillis(),
                drained.waited().toMillis());

        assertThat(drained.satisfied()).as("every loan ACTIVE or REFUSED, every repayment settled").isTrue();
        result.assertAnswers(race.lender().guaranteeNodeId());
        // the guarantee binds: 800.00 drawn first, 16 x 25.00 repaid, each refusal saw less than 60.00 left of 2,000.00
        assertThat(result.accepted()).isBetween(19, 26);
        assertThat(result.refused()).isEqualTo(48 - result.accepted());
        assertThat(result.violations()).as("sampled during the race").isEmpty();
        assertThat(db.node(race.lender().guaranteeNodeId()).usedMinor())
                .isEqualTo(8 * 100_00 + result.accepted() * 60_00L - 16 * 25_00);
        race.assertSettledInvariants(checks::loan);
        checks.assertLedgerBalanced();
        JsonNode invariants = fixture.invariants(race.lender());
        assertThat(invariants.path("holds").asBoolean()).as(invariants.toString()).isTrue();
    }

    // ---- hostile input ----

    @Test
    @Order(30)
    void hostile_requests_are_refused_with_a_4xx_problem_and_a_code_and_write_nothing() {
        assertThat(Poll.until(db::unsettled, n -> n == 0, SETTLE, POLL).satisfied()).isTrue();
        String loanId = db.loanIdsOf(main.customer(0).customerId()).get(0);
        Lender intruder = fixture.lender("intruder", 1, new Terms(FUNDING, 1_000_00, 600_00, 3650));
        Map<String, Long> before = db.rowCounts(SuiteDatabase.MONEY_TABLES);

        SoftAssertions softly = new SoftAssertions();
        List<HostileRequests.Case> battery = HostileRequests.battery(fixture, main, intruder, loanId);
        for (HostileRequests.Case hostile : battery) {
            PartnerResponse answer = hostile.send().get();
            softly.assertThat(answer.status()).as("%s: %s", hostile.name(), answer.body()).isEqualTo(hostile.status());
            softly.assertThat(answer.problemCode()).as("%s: %s", hostile.name(), answer.body()).contains(hostile.code());
            softly.assertThat(answer.header("X-Request-Id")).as(hostile.name()).isPresent();
        }
        softly.assertThat(db.rowCounts(SuiteDatabase.MONEY_TABLES)).as("rows after the battery").isEqualTo(before);
        for (Component service : List.of(Component.GATEWAY, Component.CREDIT)) {
            softly.assertThat(SuiteFiles.read(settings.logFile(service))).as("log of %s", service)
                    .doesNotContainPattern("(?m)^" + HostileRequests.FORGED_LOG_LINE);
        }
        softly.assertAll();
        System.out.printf("hostile battery: %d requests, each a 4xx problem with its code; rows unchanged in %s%n",
                battery.size(), before.keySet());
    }

    private static String key() {
        return "it-" + UUID.randomUUID();
    }
}
