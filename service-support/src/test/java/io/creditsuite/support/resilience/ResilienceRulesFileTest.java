package io.creditsuite.support.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dubbo edges' settings from a file: a change is in force without a restart; a bad one changes nothing. */
class ResilienceRulesFileTest {
    private static final DubboResilience.Settings CONFIGURED = new DubboResilience.Settings(Duration.ofSeconds(2), 0.5,
            0.5, 20, Duration.ofSeconds(10), Duration.ofSeconds(10), 20000);

    @TempDir
    Path dir;

    @Test
    void a_changed_file_changes_the_breakers_and_a_broken_one_changes_nothing() throws Exception {
        DubboResilience.configure(CONFIGURED);
        DubboResilience.consumed("dubbo-consumer:ReloadTestService");
        Path file = dir.resolve("resilience.json");
        Files.writeString(file, "{\"errorRatio\": 0.3, \"openFor\": \"30s\"}");
        try (ResilienceRulesFile ignored = new ResilienceRulesFile(file.toFile(), 50, CONFIGURED)) {
            assertThat(errorRule().getCount()).isEqualTo(0.3);
            assertThat(errorRule().getTimeWindow()).isEqualTo(30);

            Files.writeString(file, "{\"errorRatio\": 7}"); // out of range: refused
            Files.writeString(file, "{\"errorRatio\": 0.4, \"minCalls\": 5}");
            await().atMost(Duration.ofSeconds(30)).until(() -> errorRule().getCount() == 0.4);
            assertThat(errorRule().getMinRequestAmount()).isEqualTo(5);
            assertThat(errorRule().getTimeWindow()).as("back to the configured value").isEqualTo(10);
        } finally {
            DubboResilience.configure(CONFIGURED);
        }
        assertThat(ResilienceRulesFile.parse("{\"errorRatio\": 0.5, \"burst\": 1}", CONFIGURED)).isNull();
        assertThat(ResilienceRulesFile.parse("{\"statWindow\": \"10ms\"}", CONFIGURED)).isNull();
    }

    private static DegradeRule errorRule() {
        return DegradeRuleManager.getRulesOfResource("dubbo-consumer:ReloadTestService").stream()
                .filter(r -> r.getGrade() == com.alibaba.csp.sentinel.slots.block.RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                .findFirst().orElseThrow();
    }
}
