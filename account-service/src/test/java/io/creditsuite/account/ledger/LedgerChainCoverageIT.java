package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.ReversalRequest;
import io.creditsuite.api.account.TemplateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every stored fact that affects money is covered by the chain: each column of {@code journal_entry} and
 * {@code pending_credit} (read from the schema, so a new column fails here until it is covered or excluded with a
 * reason), and the sub-balances of {@code account}. Each column is altered in SQL on a fresh posting, one at a time;
 * the verifier must name the altered row (or the account, for account columns). The value is put back afterwards, so
 * the aggregators of other contexts in this JVM are not stopped by a tampered detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerChainCoverageIT extends LedgerItSupport {
    /** Columns that are not facts about money: the row's identity and its insertion time. */
    private static final Set<String> NOT_MONEY = Set.of("id", "created_at");

    @Autowired
    TransferHandler transfers;

    @Test
    void altering_any_journal_column_of_an_entry_is_named_by_the_verifier() {
        List<String> missed = new ArrayList<>();
        for (String column : columns("journal_entry")) {
            Chain chain = freshChainEndingInAReversal();
            String expression = journalAlteration(column);
            String original = jdbc.queryForObject("SELECT CAST(" + column + " AS CHAR) FROM journal_entry WHERE id = ?",
                    String.class, chain.lastEntryId);
            assertThat(jdbc.update("UPDATE journal_entry SET " + column + " = " + expression + " WHERE id = ?",
                    chain.lastEntryId)).as(column).isEqualTo(1);

            ChainReport report = ledger.verifyChain(chain.customer);
            boolean named = !report.intact() && (column.equals("account_id")
                    ? report.brokenEntryId() == null // the row left the chain: the account no longer matches its last entry
                    : Long.valueOf(chain.lastEntryId).equals(report.brokenEntryId()));
            if (!named) {
                missed.add(column + " (" + report + ")");
            }
            jdbc.update("UPDATE journal_entry SET " + column + " = ? WHERE id = ?", original, chain.lastEntryId);
            assertThat(ledger.verifyChain(chain.customer).intact()).as("restored " + column).isTrue();
        }
        assertThat(missed).as("journal columns the verifier did not name when altered").isEmpty();
    }

    @Test
    void moving_money_between_the_sub_balances_of_an_account_row_is_named_by_the_verifier() {
        Map<String, String> alterations = Map.of(
                "available_minor = available_minor - 1, frozen_minor = frozen_minor + 1", "available -> frozen",
                "frozen_minor = frozen_minor - 1, available_minor = available_minor + 1", "frozen -> available",
                "in_transit_minor = in_transit_minor + 1", "in transit",
                "available_minor = available_minor + 1", "available",
                "version = version + 1", "version",
                "last_hash = REPEAT('a', 64)", "last hash");
        List<String> missed = new ArrayList<>();
        alterations.forEach((assignment, what) -> {
            Chain chain = freshChainEndingInAReversal();
            recharge(chain.clearing, chain.customer, 50);
            String tcc = "cov-" + UUID.randomUUID().toString().substring(0, 12);
            transfers.tryTransfer(new Transfer(tcc, Transfer.Direction.OUT, chain.customer, chain.clearing, 20, "CNY",
                    Transfer.Phase.TRIED, "xid-" + tcc));
            assertThat(ledger.verifyChain(chain.customer).intact()).isTrue();
            Map<String, Object> before = jdbc.queryForMap("SELECT available_minor, frozen_minor, in_transit_minor, version,"
                    + " last_hash FROM account WHERE id = ?", chain.customer);

            jdbc.update("UPDATE account SET " + assignment + " WHERE id = ?", chain.customer);
            ChainReport report = ledger.verifyChain(chain.customer);
            if (report.intact() || report.brokenEntryId() != null || !report.reason().contains("account")) {
                missed.add(what + " (" + report + ")");
            }
            jdbc.update("UPDATE account SET available_minor = ?, frozen_minor = ?, in_transit_minor = ?, version = ?,"
                    + " last_hash = ? WHERE id = ?", before.get("available_minor"), before.get("frozen_minor"),
                    before.get("in_transit_minor"), before.get("version"), before.get("last_hash"), chain.customer);
            transfers.cancel(tcc, Transfer.Direction.OUT);
            assertThat(ledger.verifyChain(chain.customer).intact()).as("restored " + what).isTrue();
        });
        assertThat(missed).as("account sub-balance changes the verifier did not name").isEmpty();
    }

    @Test
    void altering_any_column_of_a_pending_summary_detail_is_named_by_the_verifier() {
        List<String> missed = new ArrayList<>();
        for (String column : columns("pending_credit")) {
            AccountView clearing = openAsset();
            AccountView hot = open(AccountType.LIABILITY, HotMode.ADD_FREQUENT);
            long pendingId = alterFreshDetail(clearing.accountId(), hot.accountId(), column);
            long owner = column.equals("account_id") ? clearing.accountId() : hot.accountId();

            ChainReport report = ledger.verifyChain(owner);
            if (report.intact() || report.reason() == null || !report.reason().contains("pending_credit " + pendingId)) {
                missed.add(column + " (" + report + ")");
            }
            jdbc.update("DELETE FROM pending_credit WHERE id = ?", pendingId); // not money any more: a test artefact
        }
        assertThat(missed).as("pending_credit columns the verifier did not name when altered").isEmpty();
    }

    @Test
    void a_tcc_try_and_its_cancel_each_write_a_chained_record_that_leaves_the_balance_unchanged() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        recharge(clearing.accountId(), customer.accountId(), 1_000);
        String tcc = "rec-" + UUID.randomUUID().toString().substring(0, 12);

        transfers.tryTransfer(new Transfer(tcc, Transfer.Direction.OUT, customer.accountId(), clearing.accountId(), 300,
                "CNY", Transfer.Phase.TRIED, "xid-" + tcc));
        transfers.cancel(tcc, Transfer.Direction.OUT);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT version, balance_before_minor, balance_after_minor"
                + " FROM journal_entry WHERE account_id = ? ORDER BY version", customer.accountId());
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(row -> {
            assertThat(((Number) row.get("balance_before_minor")).longValue()).isEqualTo(1_000);
            assertThat(((Number) row.get("balance_after_minor")).longValue()).isEqualTo(1_000);
        });
        assertThat(ledger.verifyChain(customer.accountId()).intact()).isTrue();
        assertThat(ledger.account(customer.accountId()).availableMinor()).isEqualTo(1_000);
    }

    @Test
    void a_row_written_in_the_old_chain_format_still_verifies_and_new_rows_chain_onto_it() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        recharge(clearing.accountId(), customer.accountId(), 100);
        // turn the customer's entry into what V53 code wrote: format 1, no movement or sub-balances, the old formula
        jdbc.update("UPDATE journal_entry SET chain_format = 1, movement = 'POSTING', available_after_minor = NULL,"
                + " frozen_after_minor = NULL, in_transit_after_minor = NULL, hash = SHA2(CONCAT_WS('|', previous_hash,"
                + " account_id, version, voucher_no, leg_no, reversal, side, amount_minor, currency, balance_before_minor,"
                + " balance_after_minor, accounting_date), 256) WHERE account_id = ?", customer.accountId());
        jdbc.update("UPDATE account a JOIN journal_entry e ON e.account_id = a.id SET a.last_hash = e.hash WHERE a.id = ?",
                customer.accountId());
        assertThat(ledger.verifyChain(customer.accountId()).intact()).as("an old-format chain").isTrue();

        recharge(clearing.accountId(), customer.accountId(), 5);
        assertThat(jdbc.queryForList("SELECT chain_format FROM journal_entry WHERE account_id = ? ORDER BY version",
                Integer.class, customer.accountId())).containsExactly(1, 2);
        assertThat(ledger.verifyChain(customer.accountId()).intact()).as("a new row after an old one").isTrue();

        long old = jdbc.queryForObject("SELECT id FROM journal_entry WHERE account_id = ? AND version = 1", Long.class,
                customer.accountId());
        jdbc.update("UPDATE journal_entry SET amount_minor = 101, balance_after_minor = 101 WHERE id = ?", old);
        assertThat(ledger.verifyChain(customer.accountId()).brokenEntryId()).isEqualTo(old);
    }

    @Test
    void the_migration_seals_waiting_details_with_the_hash_the_code_computes() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/account/V55__chain_covers_every_fact.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String start = "UPDATE pending_credit SET hash = ";
        int from = migration.indexOf(start) + start.length();
        String expression = migration.substring(from, migration.indexOf(" WHERE hash IS NULL", from));
        AccountView clearing = openAsset();
        AccountView hot = open(AccountType.LIABILITY, HotMode.ADD_FREQUENT);
        for (int attempt = 0; attempt < 20; attempt++) {
            String voucher = voucher();
            ledger.recharge(new TemplateRequest(voucher, clearing.accountId(), hot.accountId(), 40, "CNY"));
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT hash, " + expression + " AS sealed"
                    + " FROM pending_credit WHERE voucher_no = ?", voucher);
            if (!rows.isEmpty()) { // else another context's aggregator folded it first: post another one
                assertThat(rows.get(0).get("sealed")).isEqualTo(rows.get(0).get("hash"));
                return;
            }
        }
        throw new AssertionError("every detail was folded before it could be read");
    }

    /** Posts a credit to the summary-posted account and alters the column of its detail; retries if it was folded first. */
    private long alterFreshDetail(long clearing, long hot, String column) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String voucher = voucher();
            ledger.recharge(new TemplateRequest(voucher, clearing, hot, 40, "CNY"));
            Long id = jdbc.query("SELECT id FROM pending_credit WHERE voucher_no = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, voucher);
            String expression = column.equals("account_id") ? String.valueOf(clearing) : pendingAlteration(column);
            if (id != null && jdbc.update("UPDATE pending_credit SET " + column + " = " + expression + " WHERE id = ?", id) == 1) {
                return id;
            }
            // another context's aggregator folded it before the update: post another one
        }
        throw new AssertionError("every detail was folded before it could be altered");
    }

    private String journalAlteration(String column) {
        return switch (column) {
            case "account_id" -> "account_id + 1000000000";
            case "version" -> "version + 100";
            case "leg_no" -> "leg_no + 100";
            case "reversal" -> "reversal + 1";
            case "reversed_entry_id" -> "COALESCE(reversed_entry_id, 0) + 1000000000";
            case "side" -> "IF(side = 'DEBIT', 'CREDIT', 'DEBIT')";
            case "currency" -> "IF(currency = 'USD', 'EUR', 'USD')";
            case "accounting_date" -> "accounting_date + INTERVAL 1 DAY";
            case "request_digest", "previous_hash", "hash" -> "REPEAT('b', 64)";
            case "movement" -> "IF(movement = 'FREEZE', 'UNFREEZE', 'FREEZE')";
            case "chain_format" -> "IF(chain_format = 1, 2, 1)";
            default -> genericAlteration(column);
        };
    }

    private String pendingAlteration(String column) {
        return switch (column) {
            case "leg_no" -> "leg_no + 100";
            case "reversal" -> "reversal + 1";
            case "reversed_entry_id" -> "COALESCE(reversed_entry_id, 0) + 1000000000";
            case "side" -> "IF(side = 'DEBIT', 'CREDIT', 'DEBIT')";
            case "currency" -> "IF(currency = 'USD', 'EUR', 'USD')";
            case "accounting_date" -> "accounting_date + INTERVAL 1 DAY";
            case "request_digest", "hash" -> "REPEAT('b', 64)";
            case "chain_format" -> "IF(chain_format = 1, 2, 1)";
            default -> genericAlteration(column);
        };
    }

    /** Numbers +1 (a null becomes a value), text gets a character appended. */
    private String genericAlteration(String column) {
        if (NUMBERS.contains(types.get(column))) {
            return "COALESCE(" + column + ", 0) + 1";
        }
        return "CONCAT(" + column + ", 'X')";
    }

    private static final Set<String> NUMBERS = Set.of("bigint", "int", "tinyint");
    /** Column name -&gt; data type, of the tables read by {@link #columns}. */
    private final Map<String, String> types = new java.util.HashMap<>();

    private Set<String> columns(String table) {
        Set<String> columns = new TreeSet<>();
        jdbc.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ?", rs -> {
                    columns.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                    types.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                }, table);
        columns.removeAll(NOT_MONEY);
        assertThat(columns).isNotEmpty();
        return columns;
    }

    /** The customer's chain: a recharge, another recharge, the reversal of the second (the last entry). */
    private Chain freshChainEndingInAReversal() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        recharge(clearing.accountId(), customer.accountId(), 100);
        String reversed = voucher();
        ledger.recharge(new TemplateRequest(reversed, clearing.accountId(), customer.accountId(), 30, "CNY"));
        ledger.reverse(new ReversalRequest(reversed, "coverage"));
        long last = jdbc.queryForObject("SELECT id FROM journal_entry WHERE account_id = ? ORDER BY version DESC LIMIT 1",
                Long.class, customer.accountId());
        return new Chain(clearing.accountId(), customer.accountId(), last);
    }

    private record Chain(long clearing, long customer, long lastEntryId) {
    }
}
