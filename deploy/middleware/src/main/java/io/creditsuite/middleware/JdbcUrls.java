package io.creditsuite.middleware;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small pure helpers around MySQL JDBC URLs and database names. */
public final class JdbcUrls {

    /** {@code jdbc:mysql://host[:port][,host2...]} then optional {@code /path} then optional {@code ?query}. */
    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(/[^?]*)?(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private JdbcUrls() {
    }

    /**
     * The URL of server {@code serverUrl} with its database set to {@code database}, keeping the
     * query string: {@code jdbc:mysql://h:3306/?a=b} + {@code credit} gives
     * {@code jdbc:mysql://h:3306/credit?a=b}.
     */
    public static String withDatabase(String serverUrl, String database) {
        requireDatabaseName(database);
        Matcher matcher = URL.matcher(serverUrl.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// or jdbc:mariadb:// URL: " + serverUrl);
        }
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + database + query;
    }

    /** The URL of the server itself, with no database selected. */
    public static String withoutDatabase(String serverUrl) {
        Matcher matcher = URL.matcher(serverUrl.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// or jdbc:mariadb:// URL: " + serverUrl);
        }
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + query;
    }

    /**
     * Database names are interpolated into DDL, so only plain identifiers are accepted: a letter,
     * then letters, digits or underscores, at most 64 characters.
     */
    public static String requireDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME.pattern()
                    + ", was " + database);
        }
        return database;
    }

    /** {@code CREATE DATABASE IF NOT EXISTS} with the suite's character set, over JDBC. */
    static void createDatabase(String serverUrl, String user, String password, String database) {
        requireDatabaseName(database);
        try (Connection connection = DriverManager.getConnection(withoutDatabase(serverUrl), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on "
                    + withoutDatabase(serverUrl) + ": " + e.getMessage(), e);
        }
    }
}
