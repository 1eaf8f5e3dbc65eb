package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.CreditReplayService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.NodeDifference;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The operator's replay commands exactly as documented: {@code java -jar credit-service-*-exec.jar
 * --credit-suite.ops.command=...} (the exec jar the {@code package} phase built, in its own JVM, so
 * {@code ReplayCommandRunner}'s start, print and {@code System.exit} really run), against this test's database and
 * middleware. Each run asserts the printed lines and the process's exit status (0 done, 1 the replay found
 * differences, 2 refused).
 */
class ReplayCommandJarIT extends CreditLimitITSupport {
    private static final String HEADER = "request_id,occurred_at,flow_type,node_id,currency,cash_minor,credit_minor,"
            + "fixed_minor,temporary_minor,temporary_expires_at,retired_minor,frozen_minor,in_transit_minor,in_use_minor";
    private static final long RUN_SECONDS = 240;

    @Autowired
    CreditReplayService replay;
    @Autowired
    ConfigurableEnvironment environment;

    record Run(int exitCode, List<String> lines, String output) {
        /** The lines the command printed (the application's log lines go to the same stdout). */
        List<String> printed(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    @AfterEach
    void theFlowLogStillRebuildsEveryNode() {
        assertReplayReproducesEveryNode();
    }

    @Test
    void replay_correct_and_import_run_from_the_jar_print_their_results_and_exit_with_their_status() throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, 1_000_000);
        GrantLineResult line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 10_000,
                true);
        long leaf = product(line);
        var hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 3_000, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 1_000, CNY));
        long inTransit = node(line.lineId(), leaf).inTransitMinor();
        jdbc.update("UPDATE limit_node SET in_transit_minor = in_transit_minor + 777 WHERE node_id = ?", leaf);

        Run found = run("--credit-suite.ops.command=replay");

        assertThat(found.exitCode()).as("replay with a difference exits 1:%n%s", found.output()).isEqualTo(1);
        assertThat(found.printed("REPLAY ")).singleElement().asString().contains("differences=1");
        assertThat(found.printed("node ")).containsExactly("node " + leaf + " line " + line.lineId()
                + ": inTransitMinor stored=" + (inTransit + 777) + " replayed=" + inTransit + " diff=-777;");

        String correction = id("fix");
        Run corrected = run("--credit-suite.ops.command=correct", "--credit-suite.ops.request-id=" + correction,
                "--credit-suite.ops.actor=ops-1", "--credit-suite.ops.reason=day-end replay drift",
                "--credit-suite.ops.nodes=all");

        assertThat(corrected.exitCode()).as("correct exits 0:%n%s", corrected.output()).isZero();
        assertThat(corrected.printed("CORRECTED ")).containsExactly("CORRECTED request=" + correction + " nodes=1");
        assertThat(corrected.printed("node ")).containsExactly(found.printed("node ").get(0));
        assertThat(replay.replay().differences()).extracting(NodeDifference::nodeId).doesNotContain(leaf);
        assertThat(node(line.lineId(), leaf).inTransitMinor()).isEqualTo(inTransit);
        assertThat(jdbc.queryForObject("SELECT actor FROM credit_balance_correction WHERE request_id = ? AND node_id = ?",
                String.class, correction, leaf)).isEqualTo("ops-1");

        Path csv = Files.createTempFile("flows", ".csv");
        String history = id("h");
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (long node : List.of(leaf, businessType(line), root(line), root(guarantee))) {
            rows.add(history + ",2024-01-02T00:00:00Z,GRANT," + node + ",CNY,0,0,5000,0,,0,0,0,0");
        }
        Files.writeString(csv, String.join("\n", rows) + "\n");
        long fixedBefore = node(line.lineId(), leaf).fixedMinor();
        String importId = id("imp");
        Run imported = run("--credit-suite.ops.command=import", "--credit-suite.ops.request-id=" + importId,
                "--credit-suite.ops.actor=migration-1", "--credit-suite.ops.reason=legacy cut-over",
                "--credit-suite.ops.file=" + csv);

        assertThat(imported.exitCode()).as("import exits 0:%n%s", imported.output()).isZero();
        assertThat(imported.printed("IMPORTED ")).containsExactly("IMPORTED request=" + importId
                + " flows=1 entries=4 nodes=4");
        assertThat(node(line.lineId(), leaf).fixedMinor()).isEqualTo(fixedBefore + 5_000);
        assertThat(jdbc.queryForObject("SELECT actor FROM credit_flow_import WHERE request_id = ?", String.class, importId))
                .isEqualTo("migration-1");
        assertThat(replay.replay().differences()).isEmpty();
    }

    @Test
    void a_bad_argument_is_refused_with_a_clear_error_and_a_non_zero_exit() throws Exception {
        // (not writes(): the expiry sweeper of either process may release another test's hold meanwhile)
        long corrections = count("credit_balance_correction");
        long imports = count("credit_flow_import");

        Run refused = run("--credit-suite.ops.command=replya");

        assertThat(refused.exitCode()).as("refused:%n%s", refused.output()).isEqualTo(2);
        assertThat(refused.printed("REFUSED ")).containsExactly(
                "REFUSED unknown command 'replya': use replay, correct, import");
        assertThat(refused.lines()).as("refused before the application starts").noneMatch(l -> l.contains("Started "));
        assertThat(count("credit_balance_correction")).isEqualTo(corrections);
        assertThat(count("credit_flow_import")).isEqualTo(imports);
    }

    /**
     * {@code java -jar <exec jar> args...} pointed at this test's middleware (the same properties the test's own
     * context got), waiting for it to exit. The Dubbo port is a free one and providers are not registered, so this
     * test JVM's consumers never route to the short-lived process; the HTTP port is any free one.
     */
    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", execJar().toString()));
        command.addAll(List.of(args));
        MapPropertySource middleware = (MapPropertySource) environment.getPropertySources()
                .get(MiddlewareInitializer.PROPERTY_SOURCE_NAME);
        assertThat(middleware).as("the middleware properties of the test context").isNotNull();
        for (Map.Entry<String, Object> p : middleware.getSource().entrySet()) {
            if (!p.getKey().equals("dubbo.protocol.port")) {
                command.add("--" + p.getKey() + "=" + p.getValue());
            }
        }
        command.addAll(List.of("--server.port=0", "--dubbo.protocol.port=" + Ports.freePort(),
                "--dubbo.registry.register=false"));
        Path output = Files.createTempFile("replay-command", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the command did not exit within " + RUN_SECONDS + " s:\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return new Run(process.exitValue(), text.lines().toList(), text);
    }

    /** The runnable jar of this module ({@code package} runs before the ITs). */
    private static Path execJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("credit-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/credit-service-*-exec.jar: run through mvn verify"));
        }
    }
}
