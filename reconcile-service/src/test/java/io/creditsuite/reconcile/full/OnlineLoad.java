package io.creditsuite.reconcile.full;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online path's cost in the database, as a stand-in the benchmark can run beside the full check: one
 * posting-shaped transaction after another (a journal-like row inserted and a balance row updated, committed
 * together) on the ledger's database, in tables of its own so the checked book stays untouched. Its rate alone and
 * its rate while the full check runs give how much the check slows the online path.
 */
final class OnlineLoad implements AutoCloseable {
    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private Thread worker;

    /** One connection of its own, kept open, as a service's pool would keep it. */
    OnlineLoad(String url, String user, String password) {
        this.connection = new SingleConnectionDataSource(url, user, password, true);
        this.jdbc = new JdbcTemplate(connection);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(connection));
        jdbc.update("CREATE TABLE IF NOT EXISTS bench_online_entry (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " account_id BIGINT NOT NULL, amount_minor BIGINT NOT NULL, note VARCHAR(64) NOT NULL)");
        jdbc.update("CREATE TABLE IF NOT EXISTS bench_online_balance (account_id BIGINT NOT NULL PRIMARY KEY,"
                + " balance_minor BIGINT NOT NULL)");
        jdbc.update("INSERT IGNORE INTO bench_online_balance VALUES (1, 0), (2, 0), (3, 0), (4, 0)");
    }

    /** Runs {@code count} transactions now and answers their rate per second. */
    double measureAlone(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            post(i);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Starts posting in the background until {@link #stop()}. */
    void start() {
        done.set(0);
        running.set(true);
        worker = new Thread(() -> {
            long i = 0;
            while (running.get()) {
                post(i++);
                done.incrementAndGet();
            }
        }, "bench-online-load");
        worker.start();
    }

    /** Stops the background posting and answers how many transactions it committed. */
    long stop() {
        running.set(false);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done.get();
    }

    private void post(long i) {
        long account = i % 4 + 1;
        tx.executeWithoutResult(s -> {
            jdbc.update("INSERT INTO bench_online_entry (account_id, amount_minor, note) VALUES (?, ?, 'online')",
                    account, i % 1000 + 1);
            jdbc.update("UPDATE bench_online_balance SET balance_minor = balance_minor + ? WHERE account_id = ?",
                    i % 1000 + 1, account);
        });
    }

    @Override
    public void close() {
        if (running.get()) {
            stop();
        }
        connection.destroy();
    }
}
