package io.creditsuite.middleware;

import java.util.Optional;

/**
 * A MySQL or MariaDB server that someone else runs, e.g. Debian's mariadb-server on CI, named by
 * system property {@code creditsuite.db.url} or environment variable {@code CREDITSUITE_DB_URL}
 * (a server URL such as {@code jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED}), with
 * {@code creditsuite.db.user} / {@code CREDITSUITE_DB_USER} (default {@code root}) and
 * {@code creditsuite.db.password} / {@code CREDITSUITE_DB_PASSWORD} (default empty).
 */
public final class ExternalDatabase implements Database {

    public static final String URL_PROPERTY = "creditsuite.db.url";
    public static final String USER_PROPERTY = "creditsuite.db.user";
    public static final String PASSWORD_PROPERTY = "creditsuite.db.password";

    private final String serverUrl;
    private final String user;
    private final String password;

    public ExternalDatabase(String serverUrl, String user, String password) {
        this.serverUrl = JdbcUrls.withoutDatabase(serverUrl);
        this.user = user;
        this.password = password;
    }

    /** The external server configured for this JVM, if any. */
    public static Optional<ExternalDatabase> configured() {
        return setting(URL_PROPERTY).map(url -> new ExternalDatabase(url,
                setting(USER_PROPERTY).orElse("root"),
                setting(PASSWORD_PROPERTY).orElse("")));
    }

    /** A system property, else the environment variable of the same name in upper snake case. */
    static Optional<String> setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String serverUrl() {
        return serverUrl;
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(serverUrl, database);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void createDatabase(String database) {
        JdbcUrls.createDatabase(serverUrl, user, password, database);
    }
}
