package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.reconcile.application.full.LedgerSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's tables as the full check reads them (account-service's schema, read-only). Sums are done where the
 * rows are; a sum that does not fit a long fails the chunk (an overflow is an error, never a wrap).
 */
public class JdbcLedgerSource implements LedgerSource {
    /**
     * The movements that move a balance and so have a contra leg (account-service's
     * {@code EntryMovement.changesBalance}); FREEZE, UNFREEZE, PROMISE_INFLOW and WITHDRAW_PROMISE are chained records,
     * not postings.
     */
    static final String POSTINGS = "movement IN ('POSTING', 'SETTLE_FROZEN', 'SETTLE_IN_TRANSIT')";
    private static final String SIDES = "SUM(CASE WHEN side = 'DEBIT' THEN amount_minor ELSE 0 END) AS debits,"
            + " SUM(CASE WHEN side = 'CREDIT' THEN amount_minor ELSE 0 END) AS credits, COUNT(*) AS n";

    private final JdbcTemplate jdbc;

    public JdbcLedgerSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long maxJournalId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM journal_entry", Long.class);
    }

    @Override
    public List<DayTotal> journalTotals(long afterId, long upToId, LocalDate onlyDate) {
        return onlyDate == null
                ? jdbc.query("SELECT currency, accounting_date, " + SIDES + " FROM journal_entry WHERE id > ? AND id <= ?"
                + " AND " + POSTINGS + " GROUP BY currency, accounting_date", JdbcLedgerSource::total, afterId, upToId)
                : jdbc.query("SELECT currency, accounting_date, " + SIDES + " FROM journal_entry WHERE id > ? AND id <= ?"
                + " AND " + POSTINGS + " AND accounting_date = ? GROUP BY currency, accounting_date",
                JdbcLedgerSource::total, afterId, upToId, Date.valueOf(onlyDate));
    }

    @Override
    public List<DayTotal> pendingTotals(LocalDate onlyDate) {
        String sql = "SELECT currency, accounting_date, " + SIDES + " FROM pending_credit"
                + (onlyDate == null ? "" : " WHERE accounting_date = ?") + " GROUP BY currency, accounting_date";
        return onlyDate == null ? jdbc.query(sql, JdbcLedgerSource::total)
                : jdbc.query(sql, JdbcLedgerSource::total, Date.valueOf(onlyDate));
    }

    @Override
    public DayTotal confirmTotals(String currency, LocalDate date) {
        String part = " FROM %s WHERE currency = ? AND accounting_date = ?";
        String both = "SELECT j.debits + p.debits AS debits, j.credits + p.credits AS credits, j.n + p.n AS n FROM"
                + " (SELECT COALESCE(SUM(CASE WHEN side = 'DEBIT' THEN amount_minor END), 0) AS debits,"
                + " COALESCE(SUM(CASE WHEN side = 'CREDIT' THEN amount_minor END), 0) AS credits, COUNT(*) AS n"
                + part.formatted("journal_entry") + " AND " + POSTINGS + ") j,"
                + " (SELECT COALESCE(SUM(CASE WHEN side = 'DEBIT' THEN amount_minor END), 0) AS debits,"
                + " COALESCE(SUM(CASE WHEN side = 'CREDIT' THEN amount_minor END), 0) AS credits, COUNT(*) AS n"
                + part.formatted("pending_credit") + ") p";
        Date day = Date.valueOf(date);
        return jdbc.queryForObject(both, (rs, i) -> new DayTotal(currency, date, exact(rs, "debits"),
                exact(rs, "credits"), rs.getLong("n")), currency, day, currency, day);
    }

    @Override
    public Optional<ClosedDay> closedDay(LocalDate date) {
        return jdbc.query("SELECT closed_date, previous_date FROM day_end_cutover WHERE closed_date = ?"
                + " AND completed_at IS NOT NULL", JdbcLedgerSource::closed, Date.valueOf(date)).stream().findFirst();
    }

    @Override
    public Optional<ClosedDay> latestClosedDay() {
        return jdbc.query("SELECT closed_date, previous_date FROM day_end_cutover WHERE completed_at IS NOT NULL"
                + " ORDER BY closed_date DESC LIMIT 1", JdbcLedgerSource::closed).stream().findFirst();
    }

    @Override
    public long maxAccountId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM account", Long.class);
    }

    /**
     * An account split into sub-accounts holds no money itself: its end-of-day balance is its sub-accounts' (as the
     * cutover writes it), so its flows are theirs. Three statements over the chunk, each along an index (the
     * accounts, their end-of-day rows, the day's flows by (account, date)), merged here: the chunk's rows only.
     */
    @Override
    public List<AccountDay> accountDays(ClosedDay day, long afterId, long upToId) {
        Date d = Date.valueOf(day.date());
        Map<Long, long[]> flows = new HashMap<>();
        // from the accounts, so each account's day is an equality lookup on (account_id, accounting_date) instead of
        // a range over every date of the chunk's accounts
        jdbc.query("SELECT a.id, SUM(j.balance_after_minor - j.balance_before_minor) AS flow, COUNT(*) AS n"
                + " FROM account a JOIN journal_entry j ON j.account_id = a.id AND j.accounting_date = ?"
                + " WHERE a.id > ? AND a.id <= ? GROUP BY a.id", rs -> {
                    flows.put(rs.getLong(1), new long[] {exact(rs, "flow"), rs.getLong("n")});
                }, d, afterId, upToId);
        Map<Long, long[]> subFlows = new HashMap<>();
        jdbc.query("SELECT s.parent_id, SUM(j.balance_after_minor - j.balance_before_minor) AS flow, COUNT(*) AS n"
                + " FROM account s JOIN journal_entry j ON j.account_id = s.id AND j.accounting_date = ?"
                + " WHERE s.parent_id > ? AND s.parent_id <= ? GROUP BY s.parent_id", rs -> {
                    subFlows.put(rs.getLong(1), new long[] {exact(rs, "flow"), rs.getLong("n")});
                }, d, afterId, upToId);
        List<AccountDay> days = new ArrayList<>();
        jdbc.query("SELECT a.id, a.currency, a.sub_accounts, e.balance_minor AS eod, p.balance_minor AS previous"
                + " FROM account a"
                + " LEFT JOIN end_of_day_balance e ON e.account_id = a.id AND e.accounting_date = ?"
                + " LEFT JOIN end_of_day_balance p ON p.account_id = a.id AND p.accounting_date = ?"
                + " WHERE a.id > ? AND a.id <= ? ORDER BY a.id", rs -> {
                    long id = rs.getLong("id");
                    long[] own = flows.get(id);
                    long[] subs = subFlows.get(id);
                    Object eod = rs.getObject("eod");
                    Object previous = rs.getObject("previous");
                    if (eod == null && previous == null && own == null && subs == null) {
                        return; // no balance and no flow that day: nothing to check
                    }
                    long[] flow = rs.getInt("sub_accounts") > 0 ? subs : own;
                    days.add(new AccountDay(id, rs.getString("currency"), eod == null ? null : rs.getLong("eod"),
                            previous == null ? 0 : rs.getLong("previous"), flow == null ? 0 : flow[0],
                            (own == null ? 0 : own[1]) + (subs == null ? 0 : subs[1])));
                }, d, day.previous() == null ? null : Date.valueOf(day.previous()), afterId, upToId);
        return days;
    }

    @Override
    public List<AccountHead> heads(long afterId, long upToId) {
        return jdbc.query("SELECT id, version, last_hash FROM account WHERE id > ? AND id <= ? ORDER BY id",
                (rs, i) -> new AccountHead(rs.getLong(1), rs.getLong(2), rs.getString(3)), afterId, upToId);
    }

    @Override
    public Map<Long, Long> balances(Collection<Long> accountIds) {
        Map<Long, Long> balances = new HashMap<>();
        if (accountIds.isEmpty()) {
            return balances;
        }
        List<Long> ids = new ArrayList<>(accountIds);
        jdbc.query("SELECT id, available_minor + frozen_minor AS balance FROM account WHERE id IN ("
                        + String.join(",", ids.stream().map(x -> "?").toList()) + ")",
                rs -> {
                    balances.put(rs.getLong("id"), rs.getLong("balance"));
                }, ids.toArray());
        return balances;
    }

    private static DayTotal total(ResultSet rs, int row) throws SQLException {
        return new DayTotal(rs.getString("currency"), rs.getDate("accounting_date").toLocalDate(), exact(rs, "debits"),
                exact(rs, "credits"), rs.getLong("n"));
    }

    private static ClosedDay closed(ResultSet rs, int row) throws SQLException {
        Date previous = rs.getDate("previous_date");
        return new ClosedDay(rs.getDate("closed_date").toLocalDate(), previous == null ? null : previous.toLocalDate());
    }

    /** SUM over BIGINT is a DECIMAL: one that does not fit a long is an overflow, said so. */
    static long exact(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            return 0;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException overflow) {
            throw new IllegalStateException(column + " = " + value + " does not fit a long");
        }
    }
}
