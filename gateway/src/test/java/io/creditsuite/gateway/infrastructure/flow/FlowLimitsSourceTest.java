package io.creditsuite.gateway.infrastructure.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits file is read again when it changes; a change that is not valid leaves the limits in force. */
class FlowLimitsSourceTest {
    private static final String LIMITS = """
            {"partnerQps": %s, "perPartnerQps": {"key-1": 5}, "customerQps": 20, "perCustomerQps": {},
             "endpointConcurrency": 64, "perEndpoint": {"POST /api/v1/loans": 8}}""";

    @TempDir
    Path dir;

    @Test
    void a_changed_file_is_in_force_without_a_restart_and_a_broken_one_changes_nothing() throws Exception {
        Path file = dir.resolve("gateway-flow-limits.json");
        Files.writeString(file, LIMITS.formatted(100));
        try (FlowLimitsSource source = FlowLimitsSource.file(file.toFile(), 50)) {
            assertThat(source.inForce().partnerQps()).isEqualTo(100);
            assertThat(source.inForce().perEndpoint()).containsEntry("POST /api/v1/loans", 8);

            Files.writeString(file, LIMITS.formatted(7));
            await().atMost(Duration.ofSeconds(30)).until(() -> source.inForce().partnerQps() == 7);

            Files.writeString(file, LIMITS.formatted(-1)); // refused: a negative limit
            Files.writeString(file, "{\"partnerQps\": 9, \"burst\": 1}"); // refused: an unknown field
            Files.writeString(file, LIMITS.formatted(11));
            await().atMost(Duration.ofSeconds(30)).until(() -> source.inForce().partnerQps() == 11);
        }
        assertThat(FlowLimitsSource.parse(LIMITS.formatted(-1))).isNull();
        assertThat(FlowLimitsSource.parse("not json")).isNull();
    }

    @Test
    void an_endpoint_is_named_by_its_method_and_path_with_its_ids_as_stars() {
        assertThat(PartnerFlowControlFilter.endpoint("POST", "/api/v1/loans")).isEqualTo("POST /api/v1/loans");
        assertThat(PartnerFlowControlFilter.endpoint("POST", "/api/v1/loans/LN123/repayments"))
                .isEqualTo("POST /api/v1/loans/*/repayments");
        assertThat(PartnerFlowControlFilter.endpoint("GET", "/api/v1/customers/C9/limits"))
                .isEqualTo("GET /api/v1/customers/*/limits");
    }
}
