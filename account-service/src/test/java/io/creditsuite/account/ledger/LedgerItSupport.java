package io.creditsuite.account.ledger;

import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.middleware.Middleware;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared wiring of the ledger ITs: real MariaDB, ZooKeeper and Seata TC from the project's test
 * support, ONE Spring context for all of them. The automatic aggregator and the hot detector are
 * off here (tests drive them); other contexts of the same JVM may still fold pending details of
 * this database at any time, so tests assert {@code balance + pending}, never "not folded yet".
 */
public abstract class LedgerItSupport {

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) {
        io.creditsuite.account.SeataTestContexts.forgetProxiedBeans();
        registry.add("credit-suite.ledger.aggregate-every", () -> "1h");
        registry.add("credit-suite.ledger.hot-detection", () -> "false");
        // a free dubbo.protocol.port comes with the middleware's properties; CS_LEDGER_BUFFERED is created by
        // the service itself at start (credit-suite.mq in application.yml)
        Middleware.shared().springProperties("cs_account",
                        EnumSet.of(Middleware.Component.DATABASE, Middleware.Component.ZOOKEEPER,
                                Middleware.Component.SEATA, Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    protected LedgerService ledger;
    @Autowired
    protected JdbcTemplate jdbc;

    protected AccountView open(AccountType type, HotMode mode) {
        return ledger.openAccount(new OpenAccountRequest("owner-" + UUID.randomUUID().toString().substring(0, 8), type,
                "CNY", 0, null, mode, 0, 0));
    }

    protected AccountView openAsset() {
        // a clearing account at a channel: an asset that may go negative as the platform's own receivable
        return ledger.openAccount(new OpenAccountRequest("platform", AccountType.ASSET, "CNY", 1_000_000_000_000L, null,
                HotMode.NORMAL, 0, 0));
    }

    protected AccountView openCustomer() {
        return open(AccountType.LIABILITY, HotMode.NORMAL);
    }

    protected long balance(long accountId) {
        return ledger.account(accountId).balanceMinor();
    }

    /**
     * Journal entries plus pending summary details, read in ONE statement (one snapshot). Another
     * context of this JVM may fold details at any moment, and a fold turns each detail into one
     * entry in one transaction: this sum is stable under it, either count alone is not.
     */
    protected long ledgerRows() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM journal_entry) + (SELECT COUNT(*) FROM pending_credit)",
                Long.class);
    }

    /** {@link #ledgerRows()} of one account. */
    protected long ledgerRows(long accountId) {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM journal_entry WHERE account_id = ?)"
                + " + (SELECT COUNT(*) FROM pending_credit WHERE account_id = ?)", Long.class, accountId, accountId);
    }

    protected void recharge(long clearing, long customer, long amount) {
        ledger.recharge(new TemplateRequest(voucher(), clearing, customer, amount, "CNY"));
    }

    protected static String voucher() {
        return "v-" + UUID.randomUUID();
    }
}
