package io.creditsuite.middleware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the credit-suite checkout, where build outputs of other modules (the Seata
 * TC's classpath file) live.
 *
 * <p>Order: system property {@value #PROPERTY} (failsafe sets it to
 * {@code ${maven.multiModuleProjectDirectory}}), then environment variable {@value #ENV}, then the
 * nearest directory at or above the working directory that contains {@code mvnw}.
 */
public final class RepoRoot {

    public static final String PROPERTY = "creditsuite.root";
    public static final String ENV = "CREDITSUITE_ROOT";

    private RepoRoot() {
    }

    /** The repository root; fails with a message saying how to set it. */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), Path.of("").toAbsolutePath());
    }

    static Path locate(String property, String env, Path workingDirectory) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return findUpwards(workingDirectory).orElseThrow(() -> new IllegalStateException(
                "cannot find the credit-suite root: no -D" + PROPERTY + ", no " + ENV
                        + ", and no directory containing mvnw at or above " + workingDirectory));
    }

    static Optional<Path> findUpwards(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
