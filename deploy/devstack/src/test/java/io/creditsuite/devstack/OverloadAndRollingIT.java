package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.devstack.smoke.LendingSmoke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The overload run and the rolling restart in CI ({@code ./devstack overload}, {@code ./devstack rolling-restart} with
 * small figures), one after the other on one stack as {@code up} starts it (free ports, a directory of its own): one
 * stack start for both. The overload run sends 10x a partner key's own rate for 20 s after a 1x baseline; the rolling
 * restart stops every service with SIGTERM in turn and starts it again while two clients run. Asserted: no check
 * failed (every refusal polite, the suite up, every service exited by itself within the grace, every acknowledged
 * request reflected exactly once, the money invariants); nothing about time: the latencies and stop times are
 * printed, not judged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverloadAndRollingIT {
    private static final OverloadRun.Options OVERLOAD = new OverloadRun.Options(10, 10, Duration.ofSeconds(20),
            Duration.ofSeconds(8), 20261205L);
    private static final BankTest.Options ROLLING = new BankTest.Options(2, Duration.ofSeconds(60), 20261206L);

    private StackSettings settings;

    @BeforeAll
    void startTheSuite() throws IOException {
        settings = ItStack.up("overload-it");
    }

    @AfterAll
    void stopTheSuite() throws IOException {
        ItStack.down(settings);
    }

    @Test
    @Order(1)
    void ten_times_a_partners_rate_is_refused_politely_and_no_money_goes_astray() throws Exception {
        String limitsBefore = Files.readString(ComponentLaunchers.flowLimitsFile(settings));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = ItStack.tee(printed);
        OverloadRun.Result result = new OverloadRun(settings, LendingSmoke.DEVSTACK_OPERATOR_TOKEN, both).run(OVERLOAD);
        OverloadReport.print(result, both);

        assertThat(result.checks()).as(printed.toString(StandardCharsets.UTF_8))
                .allSatisfy(check -> assertThat(check.passed()).as("%s: %s", check.name(), check.detail()).isTrue());
        assertThat(result.samples()).as("admitted sends").anyMatch(OverloadSample::admitted);
        assertThat(result.samples()).as("refused sends").anyMatch(OverloadSample::refused);
        assertThat(BankChecks.count(result.requests(), BankRequest.Outcome.OK)).as("requests told OK").isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("BENCH overload factor=10 seconds=20",
                "checks_failed=0");
        assertThat(Files.readString(ComponentLaunchers.flowLimitsFile(settings))).as("the flow limits put back")
                .isEqualTo(limitsBefore);
    }

    @Test
    @Order(2)
    void a_rolling_restart_of_every_service_under_load_loses_no_acknowledged_request() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = ItStack.tee(printed);
        RollingRestarts restarts = new RollingRestarts(settings, ROLLING.duration(), ROLLING.seed(), both);
        BankTest.Result result = new BankTest(settings, LendingSmoke.DEVSTACK_OPERATOR_TOKEN, both).run(ROLLING, restarts);
        BankReport.print(result, both);

        assertThat(result.checks()).as(printed.toString(StandardCharsets.UTF_8))
                .allSatisfy(check -> assertThat(check.passed()).as("%s: %s", check.name(), check.detail()).isTrue());
        assertThat(restarts.restarts()).hasSize(RollingRestarts.SERVICES.size())
                .allMatch(RollingRestarts.Restart::graceful).allMatch(RollingRestarts.Restart::recovered);
        assertThat(BankChecks.count(result.requests(), BankRequest.Outcome.OK)).as("requests told OK").isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("BENCH rolling-restart clients=2 minutes=1",
                "graceful=5", "checks_failed=0");
    }
}
