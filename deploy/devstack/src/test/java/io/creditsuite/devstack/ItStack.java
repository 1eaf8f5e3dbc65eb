package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole suite for one system test class, as {@code up} starts it: on free ports in a directory of its own under
 * {@code target/<name>/}; {@link #down} stops it (asserting that everything stopped) and deletes its data, keeping
 * the logs to read. {@link #tee} prints to the console and keeps what was printed for an assertion's message.
 */
final class ItStack {

    private ItStack() {
    }

    static StackSettings up(String name) throws IOException {
        Path workDir = Files.createDirectories(Path.of("target", name)).toAbsolutePath();
        StackSettings settings = StackSettings.forTests(Files.createTempDirectory(workDir, "stack-"));
        System.out.println(name + " stack in " + settings.workDir() + " on ports " + settings.ports());
        Devstack.up(settings, new ConsoleProgress(System.out));
        return settings;
    }

    static void down(StackSettings settings) throws IOException {
        if (settings == null) {
            return;
        }
        StopReport report = Devstack.down(settings, new ConsoleProgress(System.out));
        assertThat(report.problems()).isEmpty();
        try (Stream<Path> paths = Files.walk(settings.workDir().resolve("data"))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static PrintStream tee(ByteArrayOutputStream printed) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
                printed.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
    }
}
