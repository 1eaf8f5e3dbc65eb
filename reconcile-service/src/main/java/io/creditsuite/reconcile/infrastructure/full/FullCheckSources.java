package io.creditsuite.reconcile.infrastructure.full;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only connections to credit-service's and account-service's schemas for the full check (a read replica and a
 * read-only user in production). Not DataSource beans: the service's own DataSource stays the only one Spring sees.
 */
public final class FullCheckSources implements AutoCloseable {
    private final HikariDataSource credit;
    private final HikariDataSource account;

    public FullCheckSources(String creditUrl, String accountUrl, String user, String password) {
        this.credit = readOnly("bcp-full-check-credit", creditUrl, user, password);
        this.account = readOnly("bcp-full-check-account", accountUrl, user, password);
    }

    public JdbcLedgerSource ledger() {
        return new JdbcLedgerSource(new JdbcTemplate(account));
    }

    public JdbcCreditSource credit() {
        return new JdbcCreditSource(new JdbcTemplate(credit));
    }

    @Override
    public void close() {
        credit.close();
        account.close();
    }

    private static HikariDataSource readOnly(String name, String url, String user, String password) {
        HikariDataSource source = new HikariDataSource();
        source.setPoolName(name);
        source.setJdbcUrl(url);
        source.setUsername(user);
        source.setPassword(password);
        source.setReadOnly(true);
        source.setMaximumPoolSize(2);
        source.setMinimumIdle(0);
        return source;
    }
}
