package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up --java-agent JAR}: every service traced under its own name, none with a class-data-sharing archive. */
class JavaAgentTest {
    @TempDir
    Path dir;

    @Test
    void each_service_gets_the_agent_under_its_own_name_and_the_middleware_none() throws IOException {
        Path jar = Files.createFile(dir.resolve("skywalking-agent.jar"));
        StackSettings settings = CliArguments.parse("up", "--java-agent", jar.toString()).settings(Map.of(), dir);

        for (Component service : new Component[] {Component.CREDIT, Component.ACCOUNT, Component.APPROVAL,
                Component.RECONCILE, Component.GATEWAY}) {
            assertThat(settings.extras(service).jvmOptions()).containsExactly("-javaagent:" + jar.toAbsolutePath(),
                    "-Dskywalking.agent.service_name=" + service.processName(),
                    "-Dskywalking.trace.ignore_path=" + JavaAgent.IGNORE_PATHS);
            assertThat(JavaAgent.attached(settings, service)).isTrue();
        }
        assertThat(JavaAgent.attached(settings, Component.MARIADB)).isFalse();
        assertThat(CliArguments.parse("status", "--java-agent", jar.toString()).settings(Map.of(), dir)
                .extras(Component.CREDIT)).isEqualTo(LaunchExtras.NONE);
    }

    @Test
    void a_service_with_the_agent_starts_without_its_class_archive_one_without_uses_it() throws IOException {
        Path archive = Files.createFile(dir.resolve("credit-service.jsa"));
        RunnableJars.RunnableJar runnable = new RunnableJars.RunnableJar(dir, "Main", archive, false);
        StackSettings plain = StackFixtures.settings(dir);
        StackSettings traced = JavaAgent.attach(plain, Files.createFile(dir.resolve("agent.jar")));

        assertThat(ClassDataSharing.jvmOptions(Component.CREDIT, runnable, plain))
                .containsExactly("-XX:SharedArchiveFile=" + archive);
        assertThat(ClassDataSharing.jvmOptions(Component.CREDIT, runnable, traced)).isEmpty();
        assertThat(ClassDataSharing.training(Component.CREDIT, traced)).isFalse();
    }

    @Test
    void a_missing_agent_is_a_usage_error_naming_the_path() {
        DevstackException refused = catchThrowableOfType(DevstackException.class, () -> CliArguments
                .parse("up", "--java-agent", dir.resolve("nope.jar").toString()).settings(Map.of(), dir));
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.getMessage()).contains("nope.jar", "no such file");
    }
}
