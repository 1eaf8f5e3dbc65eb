package io.creditsuite.credit.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LendingFaultPropertiesTest {

    @Test
    void the_pause_is_off_unless_its_file_is_named() {
        MockEnvironment environment = new MockEnvironment();

        assertThat(LendingConfiguration.pauseBeforeCommit(new LendingFaultProperties(null, Duration.ofMinutes(2)),
                environment).isOn()).isFalse();
        assertThat(LendingConfiguration.pauseBeforeCommit(new LendingFaultProperties(Path.of("/tmp/p"),
                Duration.ofMinutes(2)), environment).isOn()).isTrue();
    }

    @Test
    void the_prod_profile_refuses_the_fault_injection_hook() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> LendingConfiguration.pauseBeforeCommit(
                new LendingFaultProperties(Path.of("/tmp/p"), Duration.ofMinutes(2)), prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused in the prod profile");
        assertThat(LendingConfiguration.pauseBeforeCommit(new LendingFaultProperties(null, Duration.ofMinutes(2)),
                prod).isOn()).isFalse();
    }
}
