package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.BankRequest.Outcome;
import io.creditsuite.devstack.smoke.LendingSmoke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bank test in CI ({@code ./devstack chaos} with small N and M): the whole suite as {@code up} starts it, on free
 * ports in a directory of its own; three clients for 90 s with a fixed seed while every service, the Seata TC, the
 * broker and the database are killed once. Asserts that no check failed, that every kill recovered and that the
 * clients were told something; "unknown" outcomes are tolerated (the checks hold them to "at most once"). Nothing
 * about time is asserted: the table's recovery times are printed, not judged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankTestIT {
    private static final BankTest.Options OPTIONS = new BankTest.Options(3, Duration.ofSeconds(90), 20261204L);

    private StackSettings settings;

    @BeforeAll
    void startTheSuite() throws IOException {
        settings = ItStack.up("bank-it");
    }

    @AfterAll
    void stopTheSuite() throws IOException {
        ItStack.down(settings);
    }

    @Test
    void no_money_is_lost_created_or_duplicated_when_every_component_is_killed_once() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = ItStack.tee(printed);
        BankKills kills = new BankKills(settings, OPTIONS.duration(), OPTIONS.seed(), both);
        BankTest.Result result = new BankTest(settings, LendingSmoke.DEVSTACK_OPERATOR_TOKEN, both).run(OPTIONS, kills);
        BankReport.print(result, both);

        assertThat(result.checks()).as(printed.toString(StandardCharsets.UTF_8))
                .allSatisfy(check -> assertThat(check.passed()).as("%s: %s", check.name(), check.detail()).isTrue());
        assertThat(result.failedChecks()).isZero();
        assertThat(kills.kills()).hasSize(BankKills.VICTIMS.size()).allMatch(BankKills.Kill::recovered);
        assertThat(result.checks()).extracting(Check::name).hasSizeGreaterThanOrEqualTo(12);
        assertThat(BankChecks.count(result.requests(), Outcome.OK)).as("requests told OK").isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("BENCH bank-test clients=3 minutes=1.5",
                "checks_failed=0");
    }
}
