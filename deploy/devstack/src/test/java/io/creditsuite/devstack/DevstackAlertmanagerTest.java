package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.middleware.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackAlertmanagerTest {

    @TempDir
    Path dir;

    @Test
    void the_stacks_copy_of_the_config_differs_from_the_repos_only_in_the_robot_bridges_port() throws Exception {
        String repo = Files.readString(RepoRoot.locate().resolve(DevstackAlertmanager.REPO_CONFIG));
        StackPorts ports = StackPorts.defaults().with(PortName.RECONCILE, 18084);

        String copy = DevstackAlertmanager.config(repo, ports);

        assertThat(copy).contains("url: http://127.0.0.1:18084/alerts/robot/dingtalk").doesNotContain(":8084/");
        List<String> repoLines = repo.lines().toList();
        List<String> copyLines = copy.lines().toList();
        assertThat(copyLines).hasSameSizeAs(repoLines);
        long changed = java.util.stream.IntStream.range(0, repoLines.size())
                .filter(i -> !repoLines.get(i).equals(copyLines.get(i))).count();
        assertThat(changed).isEqualTo(1);
        assertThat(DevstackAlertmanager.config(repo, StackPorts.defaults())).isEqualTo(repo);
    }

    @Test
    void a_config_that_no_longer_names_the_bridge_is_refused_rather_than_run_unchanged() {
        assertThatThrownBy(() -> DevstackAlertmanager.config("receivers: []", StackPorts.defaults()))
                .isInstanceOf(DevstackException.class).hasMessageContaining("robot");
    }

    @Test
    void the_binary_is_debians_or_found_on_the_path_and_absent_otherwise() throws Exception {
        Path missing = dir.resolve("no-such-binary");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertThat(DevstackAlertmanager.binary(missing, bin.toString())).isEmpty();

        Path onPath = Files.createFile(bin.resolve("alertmanager"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(DevstackAlertmanager.binary(missing, "/nowhere:" + bin)).contains(onPath);
        assertThat(DevstackAlertmanager.binary(onPath, null)).contains(onPath);
    }

    @Test
    void when_installed_it_listens_on_its_own_port_without_a_cluster_and_reconcile_service_pushes_to_it() {
        StackSettings settings = new StackSettings(dir, StackPorts.free(), RepoRoot.locate(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), false, false, StackSettings.DEFAULT_DAY_END_CRON);
        boolean installed = DevstackAlertmanager.binary().isPresent();
        assertThat(settings.components().contains(Component.ALERTMANAGER)).isEqualTo(installed);
        if (!installed) {
            assertThat(ComponentLaunchers.serviceOwnArgs(Component.RECONCILE, settings)).isEmpty();
            return;
        }
        String url = "http://127.0.0.1:" + settings.ports().get(PortName.ALERTMANAGER);

        List<String> command = ComponentLaunchers.launcher(Component.ALERTMANAGER, settings, null).command();

        Path config = settings.dataDir(Component.ALERTMANAGER).resolve("alertmanager.yml");
        assertThat(command).contains("--config.file=" + config, "--web.listen-address=" + url.substring(7),
                "--cluster.listen-address=", "--storage.path=" + settings.dataDir(Component.ALERTMANAGER).resolve("data"));
        assertThat(config).content().contains("http://" + settings.ports().address(PortName.RECONCILE)
                + "/alerts/robot/dingtalk");
        assertThat(ComponentLaunchers.serviceOwnArgs(Component.RECONCILE, settings))
                .containsExactly("--credit-suite.bcp.alerts.alertmanager-url=" + url,
                        "--credit-suite.bcp.alerts.interval=5s");
        assertThat(Component.RECONCILE.dependsOn()).contains(Component.ALERTMANAGER);
        assertThat(Component.CREDIT.dependsOn()).doesNotContain(Component.ALERTMANAGER);
    }

    @Test
    void a_stack_without_alertmanager_counts_as_up_when_everything_else_runs_and_lists_it_as_absent() {
        StackSettings settings = new StackSettings(dir, StackPorts.free(), dir, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), false, false, StackSettings.DEFAULT_DAY_END_CRON);
        List<ComponentStatus> components = java.util.Arrays.stream(Component.values())
                .map(c -> new ComponentStatus(c, c.optional() ? java.util.OptionalLong.empty()
                        : java.util.OptionalLong.of(1000 + c.ordinal()), false, List.of(), true, c.optional()))
                .toList();

        StackStatus status = new StackStatus(settings, components);

        assertThat(status.allRunning()).isTrue();
        assertThat(status.expected()).extracting(ComponentStatus::component)
                .doesNotContain(Component.ALERTMANAGER, Component.PROMETHEUS).hasSize(Component.values().length - 2);
        StackStatus alertmanagerDown = new StackStatus(settings, components.stream()
                .map(c -> c.component().optional() ? new ComponentStatus(c.component(), c.pid(), false, List.of(),
                        false, false) : c).toList());
        assertThat(alertmanagerDown.allRunning()).isFalse();
    }
}
