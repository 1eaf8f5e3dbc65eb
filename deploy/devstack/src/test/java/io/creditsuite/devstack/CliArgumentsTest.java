package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliArgumentsTest {

    @TempDir
    Path root;

    @Test
    void no_command_means_up_on_the_default_ports_in_dot_devstack() {
        CliArguments arguments = CliArguments.parse();
        StackSettings settings = arguments.settings(Map.of(), root);

        assertThat(arguments.command()).isEqualTo("up");
        assertThat(arguments.smoke()).isTrue();
        assertThat(settings.workDir()).isEqualTo(root.resolve(".devstack"));
        assertThat(settings.ports()).isEqualTo(StackPorts.defaults());
        assertThat(settings.ports().get(PortName.GATEWAY)).isEqualTo(8080);
        assertThat(settings.ports().brokerFastPort()).isEqualTo(10909);
        assertThat(settings.detach()).isTrue();
    }

    @Test
    void a_port_flag_beats_the_environment_which_beats_the_default() {
        Map<String, String> env = Map.of("DEVSTACK_PORT_GATEWAY", "9080", "DEVSTACK_PORT_CREDIT_DUBBO", "21881",
                "DEVSTACK_DIR", root.resolve("elsewhere").toString());

        StackSettings settings = CliArguments.parse("up", "--port", "gateway=7080").settings(env, root);

        assertThat(settings.ports().get(PortName.GATEWAY)).isEqualTo(7080);
        assertThat(settings.ports().get(PortName.CREDIT_DUBBO)).isEqualTo(21881);
        assertThat(settings.ports().get(PortName.DB)).isEqualTo(3306);
        assertThat(settings.workDir()).isEqualTo(root.resolve("elsewhere"));
    }

    @Test
    void status_finds_the_ports_that_up_recorded_in_the_working_directory() {
        StackSettings started = CliArguments.parse("up", "--free-ports", "--dir", root.toString()).settings(Map.of(), root);
        StateFile.write(started);

        StackSettings status = CliArguments.parse("status", "--dir", root.toString()).settings(Map.of(), root);

        assertThat(started.ports()).isNotEqualTo(StackPorts.defaults());
        assertThat(status.ports()).isEqualTo(started.ports());
    }

    @Test
    void mistakes_are_usage_errors_that_name_the_mistake() {
        assertThatThrownBy(() -> CliArguments.parse("start"))
                .isInstanceOf(DevstackException.class).hasMessageContaining("unknown command 'start'")
                .extracting(e -> ((DevstackException) e).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThatThrownBy(() -> CliArguments.parse("up", "--port", "gatway=1"))
                .hasMessageContaining("unknown port 'gatway'").hasMessageContaining("gateway");
        assertThatThrownBy(() -> CliArguments.parse("up", "--port", "gateway=70000"))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> CliArguments.parse("up", "--dir"))
                .hasMessageContaining("--dir needs a value");
    }

    @Test
    void chaos_takes_clients_minutes_and_a_seed_with_defaults_and_refuses_nonsense() {
        assertThat(CliArguments.parse("chaos").chaos()).isEqualTo(new BankTest.Options(4, Duration.ofMinutes(3), 42));
        assertThat(CliArguments.parse("chaos", "--clients", "8", "--minutes", "10", "--seed", "-7").chaos())
                .isEqualTo(new BankTest.Options(8, Duration.ofMinutes(10), -7));
        assertThatThrownBy(() -> CliArguments.parse("chaos", "--clients", "0"))
                .hasMessageContaining("--clients must be between 1 and 64");
        assertThatThrownBy(() -> CliArguments.parse("chaos", "--minutes", "three"))
                .hasMessageContaining("--minutes takes a whole number");
        assertThat(CliArguments.usage()).contains("chaos", "--clients N", "--minutes M", "--seed S");
    }

    @Test
    void rolling_restart_takes_the_bank_tests_options_and_overload_its_own_with_defaults() {
        assertThat(CliArguments.parse("rolling-restart", "--clients", "2").chaos())
                .isEqualTo(new BankTest.Options(2, Duration.ofMinutes(3), 42));
        assertThat(CliArguments.parse("overload").overload())
                .isEqualTo(new OverloadRun.Options(20, 10, Duration.ofSeconds(60), Duration.ofSeconds(15), 42));
        assertThat(CliArguments.parse("overload", "--factor", "5", "--seconds", "20", "--rate", "8", "--baseline", "4",
                "--seed", "3").overload())
                .isEqualTo(new OverloadRun.Options(8, 5, Duration.ofSeconds(20), Duration.ofSeconds(4), 3));
        assertThatThrownBy(() -> CliArguments.parse("overload", "--factor", "0"))
                .hasMessageContaining("--factor must be between 1 and 100");
        assertThat(CliArguments.usage()).contains("rolling-restart", "overload", "--factor F", "--seconds S");
    }

    @Test
    void the_day_end_cutover_runs_at_midnight_unless_told_otherwise() {
        assertThat(CliArguments.parse().settings(Map.of(), root).dayEndCron()).isEqualTo("0 0 0 * * *");
        assertThat(CliArguments.parse("up", "--day-end-cron", "0 30 23 * * *").settings(Map.of(), root).dayEndCron())
                .isEqualTo("0 30 23 * * *");
        assertThat(CliArguments.parse().settings(Map.of("DEVSTACK_DAY_END_CRON", "0 0 1 * * *"), root).dayEndCron())
                .isEqualTo("0 0 1 * * *");
        assertThat(CliArguments.parse("up", "--day-end-cron", "off").settings(Map.of(), root).dayEndCron())
                .as("off: only when a caller triggers it").isEmpty();
    }

    @Test
    void a_day_end_cron_without_six_fields_is_a_usage_error() {
        assertThatThrownBy(() -> CliArguments.parse("up", "--day-end-cron", "0 0 * * *"))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("--day-end-cron takes a cron of six fields")
                .extracting(e -> ((DevstackException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
