package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentLaunchersTest {

    @Test
    void the_classpath_leaves_the_command_line_so_the_process_marker_stays_readable() {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx64m", "-Dcreditsuite.process=broker", "-cp",
                "a.jar:b.jar", "io.creditsuite.middleware.ComponentMain", "broker"));

        Optional<String> classpath = ComponentLaunchers.takeClasspathOption(command);

        assertThat(classpath).contains("a.jar:b.jar");
        assertThat(command).containsExactly("java", "-Xmx64m", "-Dcreditsuite.process=broker",
                "io.creditsuite.middleware.ComponentMain", "broker");
    }

    @Test
    void a_command_without_a_classpath_is_left_alone() {
        List<String> command = new ArrayList<>(List.of("setsid", "sleep", "1"));

        assertThat(ComponentLaunchers.takeClasspathOption(command)).isEmpty();
        assertThat(command).containsExactly("setsid", "sleep", "1");
    }

    @Test
    void account_service_alone_gets_the_day_end_schedule_and_approval_service_the_demo_staff(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StackSettings settings = StackFixtures.settings(dir);

        assertThat(ComponentLaunchers.serviceOwnArgs(Component.ACCOUNT, settings))
                .containsExactly("--credit-suite.day-end.cron=0 0 0 * * *");
        assertThat(ComponentLaunchers.serviceOwnArgs(Component.CREDIT, settings)).isEmpty();
        assertThat(ComponentLaunchers.serviceOwnArgs(Component.APPROVAL, settings))
                .containsExactly("--credit-suite.approval.demo-staff.enabled=true",
                        "--credit-suite.approval.callbacks.allow-loopback-http=true");
        assertThat(ComponentLaunchers.serviceOwnArgs(Component.GATEWAY, settings))
                .containsExactly("--credit-suite.gateway.callbacks.allow-loopback-http=true",
                        "--credit-suite.gateway.flow.rules-file=" + settings.dataDir(Component.GATEWAY)
                                .resolve("flow-limits.json"));
        assertThat(ComponentLaunchers.serviceOwnArgs(Component.ACCOUNT, settings.withDayEndCron(""))).isEmpty();
    }

    @Test
    void extras_reach_their_component_only_after_the_devstacks_own_options_and_arguments(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StackSettings settings = StackFixtures.settings(dir)
                .withExtras(Component.MARIADB, LaunchExtras.jvmOptions("-Dfault.hook=on").withArgs("--extra", "1"))
                .withExtras(Component.MARIADB, LaunchExtras.args("--more").withEnvironment("AGENT", "x"));

        List<String> withExtras = ComponentLaunchers.launcher(Component.MARIADB, settings, null).command();
        List<String> plain = ComponentLaunchers.launcher(Component.ZOOKEEPER, settings, null).command();

        String main = io.creditsuite.middleware.ComponentMain.class.getName();
        assertThat(withExtras.indexOf("-Dfault.hook=on")).isPositive().isLessThan(withExtras.indexOf(main))
                .isGreaterThan(withExtras.indexOf("-XX:+UseSerialGC"));
        assertThat(withExtras.subList(withExtras.size() - 3, withExtras.size())).containsExactly("--extra", "1", "--more");
        assertThat(settings.extras(Component.MARIADB).environment()).containsEntry("AGENT", "x");
        assertThat(plain).doesNotContain("-Dfault.hook=on", "--extra", "--more");
        assertThat(settings.extras(Component.ZOOKEEPER)).isEqualTo(LaunchExtras.NONE);
        assertThat(settings.withPorts(settings.ports()).extras(Component.MARIADB))
                .isEqualTo(settings.extras(Component.MARIADB));
    }
}
