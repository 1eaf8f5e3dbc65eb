package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.domain.DayEndRepository;
import io.creditsuite.account.domain.EndOfDayBalance;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.NearRealTimeBalance;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Cutover records, the calendar switch and end-of-day balances, in plain SQL. */
@Repository
class JdbcDayEndRepository implements DayEndRepository {
    /** Lower bound for "every date" (DATE's minimum in MariaDB). */
    private static final Date BEFORE_ALL = Date.valueOf(LocalDate.of(1000, 1, 1));
    private static final String COLUMNS = "closed_date, previous_date, stage, last_account_id, cursor_account_id,"
            + " accounts_snapshotted, completed_at";

    private final JdbcTemplate jdbc;

    JdbcDayEndRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DayEndCutover> find(LocalDate closedDate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM day_end_cutover WHERE closed_date = ?", JdbcDayEndRepository::cutover,
                Date.valueOf(closedDate)).stream().findFirst();
    }

    @Override
    public Optional<DayEndCutover> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM day_end_cutover ORDER BY closed_date DESC LIMIT 1",
                JdbcDayEndRepository::cutover).stream().findFirst();
    }

    @Override
    public Optional<DayEndCutover> lock(LocalDate closedDate) {
        return jdbc.query("SELECT " + COLUMNS + " FROM day_end_cutover WHERE closed_date = ? FOR UPDATE",
                JdbcDayEndRepository::cutover, Date.valueOf(closedDate)).stream().findFirst();
    }

    @Override
    public LocalDate lockDateInForce() {
        return jdbc.queryForObject("SELECT date_in_force FROM accounting_calendar WHERE id = 1 FOR UPDATE", Date.class)
                .toLocalDate();
    }

    @Override
    public void moveDateInForce(LocalDate from, LocalDate to) {
        int changed = jdbc.update("UPDATE accounting_calendar SET date_in_force = ? WHERE id = 1 AND date_in_force = ?",
                Date.valueOf(to), Date.valueOf(from));
        if (changed != 1) {
            throw new IllegalStateException("the accounting date in force is no longer " + from);
        }
    }

    @Override
    public long maxAccountId() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM account", Long.class);
    }

    @Override
    public void insert(DayEndCutover c) {
        jdbc.update("INSERT INTO day_end_cutover (closed_date, previous_date, stage, last_account_id, cursor_account_id,"
                        + " accounts_snapshotted) VALUES (?,?,?,?,?,?)", Date.valueOf(c.closedDate()),
                c.previousDate() == null ? null : Date.valueOf(c.previousDate()), c.stage().name(), c.lastAccountId(),
                c.cursor(), c.accountsSnapshotted());
    }

    @Override
    public void update(DayEndCutover c) {
        jdbc.update("UPDATE day_end_cutover SET stage = ?, cursor_account_id = ?, accounts_snapshotted = ?,"
                        + " completed_at = ? WHERE closed_date = ?", c.stage().name(), c.cursor(), c.accountsSnapshotted(),
                c.completedAt() == null ? null : Timestamp.from(c.completedAt()), Date.valueOf(c.closedDate()));
    }

    @Override
    public List<Long> accountsWithPendingOnOrBefore(LocalDate date) {
        return jdbc.queryForList("SELECT DISTINCT account_id FROM pending_credit WHERE accounting_date <= ? ORDER BY account_id",
                Long.class, Date.valueOf(date));
    }

    @Override
    public boolean hasPendingOnOrBefore(long accountId, LocalDate date) {
        return !jdbc.queryForList("SELECT 1 FROM pending_credit WHERE account_id = ? AND accounting_date <= ? LIMIT 1",
                Integer.class, accountId, Date.valueOf(date)).isEmpty();
    }

    @Override
    public List<Long> accountIds(long afterId, long upToId, int limit) {
        return jdbc.queryForList("SELECT id FROM account WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", Long.class,
                afterId, upToId, limit);
    }

    @Override
    public List<EndOfDayBalance> closeBalances(LocalDate date, LocalDate previousDate, long afterId, long upToId) {
        Date closed = Date.valueOf(date);
        Date previous = previousDate == null ? null : Date.valueOf(previousDate);
        return jdbc.query("SELECT a.id, a.currency, COALESCE(p.balance_minor, 0) AS previous_minor,"
                        + " COALESCE(f.flow_minor, 0) AS flow_minor, COALESCE(f.entries, 0) AS entries"
                        + " FROM account a"
                        + " LEFT JOIN end_of_day_balance p ON p.account_id = a.id AND p.accounting_date = ?"
                        + " LEFT JOIN (SELECT account_id, SUM(balance_after_minor - balance_before_minor) AS flow_minor,"
                        + "   COUNT(*) AS entries FROM journal_entry"
                        + "   WHERE account_id > ? AND account_id <= ? AND accounting_date > ? AND accounting_date <= ?"
                        + "   GROUP BY account_id) f ON f.account_id = a.id"
                        + " WHERE a.id > ? AND a.id <= ? ORDER BY a.id",
                (rs, i) -> EndOfDayBalance.close(rs.getLong("id"), date, rs.getString("currency"),
                        rs.getLong("previous_minor"), flow(rs, rs.getLong("id")), rs.getLong("entries")),
                previous, afterId, upToId, previous == null ? BEFORE_ALL : previous, closed, afterId, upToId);
    }

    @Override
    public Map<Long, List<EndOfDayBalance>> closeSubAccountBalances(LocalDate date, LocalDate previousDate, long afterId,
                                                                    long upToId) {
        Date closed = Date.valueOf(date);
        Date previous = previousDate == null ? null : Date.valueOf(previousDate);
        Map<Long, List<EndOfDayBalance>> bySplitAccount = new LinkedHashMap<>();
        jdbc.query("SELECT s.parent_id, s.id, s.currency, COALESCE(p.balance_minor, 0) AS previous_minor,"
                        + " COALESCE(f.flow_minor, 0) AS flow_minor, COALESCE(f.entries, 0) AS entries"
                        + " FROM account s"
                        + " LEFT JOIN end_of_day_balance p ON p.account_id = s.id AND p.accounting_date = ?"
                        + " LEFT JOIN (SELECT j.account_id, SUM(j.balance_after_minor - j.balance_before_minor) AS flow_minor,"
                        + "   COUNT(*) AS entries FROM journal_entry j JOIN account js ON js.id = j.account_id"
                        + "   WHERE js.parent_id > ? AND js.parent_id <= ? AND j.accounting_date > ? AND j.accounting_date <= ?"
                        + "   GROUP BY j.account_id) f ON f.account_id = s.id"
                        + " WHERE s.parent_id > ? AND s.parent_id <= ? ORDER BY s.parent_id, s.id",
                rs -> {
                    bySplitAccount.computeIfAbsent(rs.getLong("parent_id"), id -> new ArrayList<>()).add(
                            EndOfDayBalance.close(rs.getLong("id"), date, rs.getString("currency"),
                                    rs.getLong("previous_minor"), flow(rs, rs.getLong("id")), rs.getLong("entries")));
                },
                previous, afterId, upToId, previous == null ? BEFORE_ALL : previous, closed, afterId, upToId);
        return bySplitAccount;
    }

    private static long flow(ResultSet rs, long accountId) throws SQLException {
        return exactLong(rs, "flow_minor", accountId);
    }

    /** SUM over BIGINT is a DECIMAL: one that does not fit a long is an overflow, said so. */
    static long exactLong(ResultSet rs, String column, long accountId) throws SQLException {
        try {
            return rs.getBigDecimal(column).longValueExact();
        } catch (ArithmeticException e) {
            throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "the sum " + column + " of account " + accountId
                    + " overflows a long", accountId);
        }
    }

    @Override
    public void insertBalances(List<EndOfDayBalance> balances) {
        if (balances.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO end_of_day_balance (account_id, accounting_date, currency, balance_minor, flow_minor,"
                + " entries) VALUES (?,?,?,?,?,?)", balances, balances.size(), (ps, b) -> {
                    ps.setLong(1, b.accountId());
                    ps.setDate(2, Date.valueOf(b.accountingDate()));
                    ps.setString(3, b.currency());
                    ps.setLong(4, b.balanceMinor());
                    ps.setLong(5, b.flowMinor());
                    ps.setLong(6, b.entries());
                });
    }

    @Override
    public Optional<EndOfDayBalance> balance(long accountId, LocalDate date) {
        return jdbc.query("SELECT account_id, accounting_date, currency, balance_minor, flow_minor, entries"
                        + " FROM end_of_day_balance WHERE account_id = ? AND accounting_date = ?",
                (rs, i) -> new EndOfDayBalance(rs.getLong("account_id"), rs.getDate("accounting_date").toLocalDate(),
                        rs.getString("currency"), rs.getLong("balance_minor"), rs.getLong("flow_minor"),
                        rs.getLong("entries")), accountId, Date.valueOf(date)).stream().findFirst();
    }

    /** One statement, so base, flows and pending come from one consistent read. */
    @Override
    public NearRealTimeBalance nearRealTime(long accountId, LocalDate baseLimit) {
        return jdbc.queryForObject("SELECT b.accounting_date AS base_date, COALESCE(b.balance_minor, 0) AS base_minor,"
                        + " (SELECT COALESCE(SUM(j.balance_after_minor - j.balance_before_minor), 0) FROM journal_entry j"
                        + "   WHERE j.account_id = ? AND j.accounting_date > COALESCE(b.accounting_date, ?)) AS flows_minor,"
                        + " (SELECT COALESCE(SUM(pc.amount_minor), 0) FROM pending_credit pc WHERE pc.account_id = ?) AS pending_minor"
                        + " FROM (SELECT 1 AS one) o LEFT JOIN (SELECT accounting_date, balance_minor FROM end_of_day_balance"
                        + "   WHERE account_id = ? AND accounting_date <= ? ORDER BY accounting_date DESC LIMIT 1) b ON 1 = 1",
                (rs, i) -> {
                    Date base = rs.getDate("base_date");
                    return new NearRealTimeBalance(base == null ? null : base.toLocalDate(), rs.getLong("base_minor"),
                            exactLong(rs, "flows_minor", accountId), exactLong(rs, "pending_minor", accountId));
                }, accountId, BEFORE_ALL, accountId, accountId, Date.valueOf(baseLimit));
    }

    private static DayEndCutover cutover(ResultSet rs, int row) throws SQLException {
        Date previous = rs.getDate("previous_date");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new DayEndCutover(rs.getDate("closed_date").toLocalDate(), previous == null ? null : previous.toLocalDate(),
                DayEndCutover.Stage.valueOf(rs.getString("stage")), rs.getLong("last_account_id"),
                rs.getLong("cursor_account_id"), rs.getLong("accounts_snapshotted"),
                completed == null ? null : completed.toInstant());
    }
}
