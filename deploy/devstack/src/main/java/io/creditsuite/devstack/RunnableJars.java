package io.creditsuite.devstack;

import io.creditsuite.middleware.ProcessLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A service's exec jar unpacked with Spring Boot's own tool ({@code -Djarmode=tools extract}):
 * the application jar plus {@code lib/*.jar}, run as a plain classpath.
 *
 * <p>Why: loading classes out of jars nested in the exec jar costs CPU, and five services start
 * at once on two cores. Measured on the devstack machine (credit-service, C1, serial GC, until
 * "Started"): 26.5 CPU-seconds from the exec jar, 14.4 unpacked.
 *
 * <p>The layout lives next to the jar, in {@code target/devstack-run/<mtime>-<size>/}, shared by
 * the devstack and the system tests; a rebuilt jar gets a new directory, so a stack still
 * running on the previous build keeps its files. Older versions beyond the last two are removed.
 * Unpacking goes to a private directory renamed into place, so two JVMs never see half a layout.
 */
final class RunnableJars {

    private static final int VERSIONS_KEPT = 2;
    private static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(120);

    private RunnableJars() {
    }

    /**
     * What to run: the unpacked application jar (its manifest lists lib/) and its main class.
     *
     * @param classArchive where this build's class data archive is, or will be (see {@link ClassDataSharing})
     * @param unpackedNow  this call unpacked it (the first start after a build)
     */
    record RunnableJar(Path classpath, String mainClass, Path classArchive, boolean unpackedNow) {
    }

    static RunnableJar prepare(Path execJar) {
        String mainClass = startClass(execJar);
        Path versions = execJar.getParent().resolve("devstack-run");
        Path target = versions.resolve(version(execJar));
        Path jar = target.resolve(execJar.getFileName());
        boolean unpack = !Files.isRegularFile(jar);
        if (unpack) {
            extract(execJar, target);
        }
        removeOldVersions(versions, target);
        Path archive = target.resolve(execJar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        return new RunnableJar(jar, mainClass, archive, unpack);
    }

    private static void extract(Path execJar, Path target) {
        Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        try {
            Files.createDirectories(target.getParent());
            Path log = target.resolveSibling(staging.getFileName() + ".log");
            Process process = new ProcessBuilder(ProcessLauncher.javaExecutable(), "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", execJar.toString(),
                    "extract", "--destination", staging.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    || process.exitValue() != 0 || !Files.isRegularFile(staging.resolve(execJar.getFileName()))) {
                process.destroyForcibly();
                throw new DevstackException(ExitCode.FAILED, "cannot unpack " + execJar + " (see " + log + ")");
            }
            Files.deleteIfExists(log);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another JVM unpacked the same version first: use theirs
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + execJar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + execJar, e);
        }
    }

    /** Spring Boot's {@code Start-Class}: the application's own main class. */
    static String startClass(Path execJar) {
        try (JarFile jar = new JarFile(execJar.toFile())) {
            String startClass = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue("Start-Class");
            if (startClass == null) {
                throw new DevstackException(ExitCode.NOT_BUILT, execJar + " has no Start-Class: not a Spring Boot exec jar");
            }
            return startClass;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + execJar, e);
        }
    }

    private static String version(Path execJar) {
        try {
            return Files.getLastModifiedTime(execJar).toMillis() + "-" + Files.size(execJar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + execJar, e);
        }
    }

    private static void removeOldVersions(Path versions, Path current) {
        try (Stream<Path> dirs = Files.list(versions)) {
            List<Path> complete = dirs.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().contains(".tmp-"))
                    .sorted(Comparator.comparingLong(RunnableJars::builtAt).reversed())
                    .toList();
            for (Path old : complete.subList(Math.min(VERSIONS_KEPT, complete.size()), complete.size())) {
                if (!old.equals(current)) {
                    deleteRecursively(old);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // only disk space is at stake
        }
    }

    /** The jar's mtime, which leads the version directory's name. */
    private static long builtAt(Path versionDir) {
        String name = versionDir.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.indexOf('-')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
