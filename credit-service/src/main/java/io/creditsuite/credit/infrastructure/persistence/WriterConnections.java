package io.creditsuite.credit.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limit writers' own connections: a small pool copied from the service's, whose connections stay out of
 * autocommit. Why: a transaction on a pooled autocommit connection costs two extra round trips
 * ({@code SET autocommit=0} before, {@code SET autocommit=1} after), and the hot path's batch is only about
 * eight; each costs the server ~100 µs of CPU on loopback. Everything else, including the TCC try and
 * maintenance, which write inside their caller's transaction, keeps using the service's pool.
 *
 * <p>When the service's pool is not HikariCP, the writers share it (and pay the two round trips).
 */
public final class WriterConnections implements AutoCloseable {
    private final DataSource dataSource;
    private final HikariDataSource owned;

    private WriterConnections(DataSource dataSource, HikariDataSource owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /** {@code size} connections configured like {@code shared}'s (driver properties, metrics), without autocommit. */
    public static WriterConnections copiedFrom(DataSource shared, int size) {
        if (!(shared instanceof HikariDataSource hikari)) {
            return new WriterConnections(shared, null);
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName(hikari.getPoolName() + "-limit-writers");
        config.setAutoCommit(false);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        HikariDataSource pool = new HikariDataSource(config);
        return new WriterConnections(pool, pool);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Transactions on these connections (Spring switches autocommit only on a connection that has it on). */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
