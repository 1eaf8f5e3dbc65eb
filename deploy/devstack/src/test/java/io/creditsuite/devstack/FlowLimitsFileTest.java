package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow limits file as the overload run changes it: one key's own rate added, the rest untouched, in force once the
 * gateway's log says so (here a thread writes that line, as the gateway's {@code FlowLimitsSource} does), and the file
 * put back byte for byte afterwards. The real gateway reading it is {@code OverloadAndRollingIT}.
 */
class FlowLimitsFileTest {
    private static final String SHIPPED = "{\n  \"partnerQps\": 200,\n  \"perPartnerQps\": {},\n  \"customerQps\": 20,\n"
            + "  \"perCustomerQps\": {},\n  \"endpointConcurrency\": 64,\n  \"perEndpoint\": {}\n}\n";

    @TempDir
    Path workDir;

    @Test
    void a_partner_rate_is_added_in_force_once_logged_and_the_file_is_put_back_as_it_was() throws Exception {
        StackSettings settings = StackFixtures.settings(workDir);
        Path file = ComponentLaunchers.flowLimitsFile(settings);
        Files.createDirectories(file.getParent());
        Files.writeString(file, SHIPPED);
        Files.createDirectories(settings.logFile(Component.GATEWAY).getParent());
        Thread gateway = new Thread(() -> logWhenChanged(file, settings.logFile(Component.GATEWAY)));
        gateway.start();

        try (FlowLimitsFile limits = FlowLimitsFile.partnerRate(settings, "KEY1", 20, Duration.ofSeconds(30))) {
            JsonNode changed = new ObjectMapper().readTree(file.toFile());
            assertThat(changed.path("perPartnerQps").path("KEY1").asDouble()).isEqualTo(20.0);
            assertThat(changed.path("partnerQps").asInt()).isEqualTo(200);
            assertThat(changed.path("customerQps").asInt()).isEqualTo(20);
        }
        gateway.join();

        assertThat(Files.readString(file)).isEqualTo(SHIPPED);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(file);
        }
    }

    /** What the gateway does: reads the changed file and logs the limits it put in force. */
    private static void logWhenChanged(Path file, Path log) {
        try {
            String seen = Files.readString(file);
            for (int i = 0; i < 600 && seen.equals(SHIPPED); i++) {
                Thread.sleep(50);
                seen = Files.readString(file);
            }
            Files.writeString(log, "INFO FlowLimitsSource - flow limits in force: FlowLimits[partnerQps=200.0,"
                    + " perPartnerQps={KEY1=20.0}]\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
