package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.BankRequest.Outcome;
import io.creditsuite.devstack.smoke.LendingSmoke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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
        Path workDir = Files.createDirectories(Path.of("target", "bank-it")).toAbsolutePath();
        settings = StackSettings.forTests(Files.createTempDirectory(workDir, "stack-"));
        System.out.println("Bank test stack in " + settings.workDir() + " on ports " + settings.ports());
        Devstack.up(settings, new ConsoleProgress(System.out));
    }

    @AfterAll
    void stopTheSuite() throws IOException {
        if (settings == null) {
            return;
        }
        StopReport report = Devstack.down(settings, new ConsoleProgress(System.out));
        assertThat(report.problems()).isEmpty();
        // the logs stay for reading; the database files and message store go
        try (Stream<Path> paths = Files.walk(settings.workDir().resolve("data"))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void no_money_is_lost_created_or_duplicated_when_every_component_is_killed_once() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new TeeStream(System.out, printed), true, StandardCharsets.UTF_8);
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

    /** Writes to two streams: the console and what the assertion's message shows. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
