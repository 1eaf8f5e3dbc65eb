package io.creditsuite.devstack;

import io.creditsuite.middleware.LaunchedProcess;
import io.creditsuite.middleware.ProcessLauncher;
import java.nio.file.Path;
import java.time.Duration;

/** Settings and stand-in processes for the unit tests; nothing real is started. */
final class StackFixtures {

    private StackFixtures() {
    }

    static StackSettings settings(Path workDir) {
        return new StackSettings(workDir, StackPorts.free(), workDir, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), false, false, StackSettings.DEFAULT_DAY_END_CRON);
    }

    /**
     * A {@link Sleeper} that looks like {@code component} to the stack: same marker, same pid file.
     * Its classpath goes by environment variable, as the devstack's own launches do, to keep the
     * command line under the 4 KB the JDK reads back.
     */
    static LaunchedProcess fakeComponent(Component component, StackSettings settings) {
        return ProcessLauncher.java(component.processName())
                .jvmOptions("-Xmx16m", "-XX:TieredStopAtLevel=1")
                .environment("CLASSPATH", System.getProperty("java.class.path"))
                .mainClass(Sleeper.class.getName())
                .workingDirectory(settings.dataDir(component))
                .logFile(settings.logFile(component))
                .pidFile(settings.pidFile(component))
                .start();
    }
}
