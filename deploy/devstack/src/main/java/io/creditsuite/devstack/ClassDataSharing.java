package io.creditsuite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Class data sharing (JDK 17 dynamic CDS archives) for the services: the classes a service
 * loaded, parsed and verified once, mapped from a file at the next start.
 *
 * <p>Why: the services' start is CPU-bound (five at once on two cores). Measured on the devstack
 * machine, credit-service from its unpacked jars until "Started": 14.4 CPU-seconds without an
 * archive, 9.9 with one.
 *
 * <p>How: with no archive next to the unpacked jars yet, a devstack service runs with
 * {@code -XX:ArchiveClassesAtExit} and the JVM writes the archive when it exits, i.e. at
 * {@code ./devstack down} (which then waits longer for it: {@link #TRAINING_GRACE}). The
 * archive is written under a private name and renamed into place only after a clean exit, so a
 * service killed mid-write leaves nothing half-written behind; the next run trains again.
 * Archives live in the unpacked jar's version directory, so a rebuilt jar never meets an archive
 * of another build. The system tests use archives that exist but never write one (it would
 * lengthen their stop).
 */
final class ClassDataSharing {

    /** A service writing its archive at exit needs more than the usual stop grace (~100 MB each). */
    static final Duration TRAINING_GRACE = Duration.ofSeconds(120);
    private static final String MARKER = "class-archive-training";

    private ClassDataSharing() {
    }

    /**
     * The JVM options for a service's next start; records a training run in its data dir. None with a Java agent
     * attached ({@link JavaAgent}): the agent crashes a JVM that maps an archive, and a trained one would be the
     * agent's classes too.
     */
    static List<String> jvmOptions(Component service, RunnableJars.RunnableJar runnable, StackSettings settings) {
        Path archive = runnable.classArchive();
        Path marker = settings.dataDir(service).resolve(MARKER);
        try {
            Files.deleteIfExists(marker);
            if (JavaAgent.attached(settings, service)) {
                return List.of();
            }
            if (Files.isRegularFile(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive);
            }
            if (!settings.trainClassArchives()) {
                return List.of();
            }
            Path part = archive.resolveSibling(archive.getFileName() + ".part-" + UUID.randomUUID());
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, part + "\n" + archive + "\n", StandardCharsets.UTF_8);
            return List.of("-XX:ArchiveClassesAtExit=" + part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the class data archive of " + service.processName(), e);
        }
    }

    /** Whether the running service will write its archive when it exits. */
    static boolean training(Component service, StackSettings settings) {
        return Files.isRegularFile(settings.dataDir(service).resolve(MARKER));
    }

    /**
     * After the service stopped: keeps the archive it wrote if it exited cleanly, drops a partial
     * one otherwise. Returns whether an archive was kept.
     */
    static boolean afterStop(Component service, StackSettings settings, boolean exitedCleanly) {
        Path marker = settings.dataDir(service).resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            List<String> paths = Files.readAllLines(marker, StandardCharsets.UTF_8);
            Files.deleteIfExists(marker);
            if (paths.size() < 2) {
                return false;
            }
            Path part = Path.of(paths.get(0));
            Path archive = Path.of(paths.get(1));
            if (!exitedCleanly || !Files.isRegularFile(part) || Files.size(part) == 0 || Files.exists(archive)) {
                Files.deleteIfExists(part);
                return false;
            }
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            // only the next start's speed is at stake
            return false;
        }
    }
}
