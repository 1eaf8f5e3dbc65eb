package io.creditsuite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a service's runnable jar, {@code <module>/target/<module>-<version>-exec.jar}, built by
 * spring-boot-maven-plugin (classifier {@code exec}). Each service's module directory is named
 * like its process.
 */
final class ServiceJars {

    static final String BUILD_COMMAND = "./mvnw -q -B -ntp -DskipTests install";

    private ServiceJars() {
    }

    static Path execJar(Path repoRoot, Component service) {
        return find(repoRoot, service).orElseThrow(() -> new DevstackException(ExitCode.NOT_BUILT,
                service.processName() + " is not built: no " + service.processName() + "-*-exec.jar in "
                        + repoRoot.resolve(service.processName()).resolve("target")
                        + ". Build with `" + BUILD_COMMAND + "` (./devstack up does it when needed)."));
    }

    static Optional<Path> find(Path repoRoot, Component service) {
        if (service.kind() != Component.Kind.SERVICE) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        Path target = repoRoot.resolve(service.processName()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        String prefix = service.processName() + "-";
        try (Stream<Path> files = Files.list(target)) {
            // several versions side by side: the newest build wins
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .max(Comparator.comparing(ServiceJars::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
