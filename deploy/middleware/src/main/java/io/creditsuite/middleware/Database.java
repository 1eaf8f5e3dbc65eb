package io.creditsuite.middleware;

/**
 * A MySQL-compatible server the services' tests can create databases on: the embedded
 * MariaDB, or an external server named by {@code creditsuite.db.url}.
 */
public interface Database {

    /** JDBC URL of {@code database} on this server; does not create it. */
    String jdbcUrl(String database);

    String user();

    String password();

    /**
     * Creates {@code database} if it does not exist, with utf8mb4 and {@code utf8mb4_unicode_ci}
     * (not MySQL 8's {@code utf8mb4_0900_ai_ci}, which MariaDB lacks).
     */
    void createDatabase(String database);
}
