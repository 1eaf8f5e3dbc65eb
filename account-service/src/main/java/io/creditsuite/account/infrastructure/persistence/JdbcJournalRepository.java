package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.ChainFormat;
import io.creditsuite.account.domain.EntryMovement;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.Side;
import io.creditsuite.account.domain.SubBalances;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import org.springframework.jdbc.core.ConnectionCallback;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The journal over JDBC; inserts are batched (rewriteBatchedStatements turns them into multi-row INSERTs). */
@Repository
class JdbcJournalRepository implements JournalRepository {
    private static final String COLUMNS = "id, account_id, version, voucher_no, leg_no, reversal, reversed_entry_id,"
            + " posting_type, side, amount_minor, currency, balance_before_minor, balance_after_minor, accounting_date,"
            + " trace_id, request_digest, previous_hash, hash, chain_format, movement, available_after_minor,"
            + " frozen_after_minor, in_transit_after_minor";

    private final JdbcTemplate jdbc;

    JdbcJournalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<JournalEntry> insertAll(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        return jdbc.execute((ConnectionCallback<List<JournalEntry>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                for (JournalEntry e : entries) {
                    bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
                List<JournalEntry> stored = new ArrayList<>(entries.size());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        stored.add(entries.get(i++).withId(keys.getLong(1)));
                    }
                }
                if (stored.size() != entries.size()) {
                    throw new IllegalStateException("inserted " + entries.size() + " entries, got " + stored.size() + " ids");
                }
                return stored;
            }
        });
    }

    private static final String INSERT = "INSERT INTO journal_entry (account_id, version, voucher_no, leg_no, reversal,"
            + " reversed_entry_id, posting_type, side, amount_minor, currency, balance_before_minor, balance_after_minor,"
            + " accounting_date, trace_id, request_digest, previous_hash, hash, chain_format, movement, available_after_minor,"
            + " frozen_after_minor, in_transit_after_minor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static void bind(PreparedStatement ps, JournalEntry e) throws SQLException {
        ps.setLong(1, e.accountId());
        ps.setLong(2, e.version());
        ps.setString(3, e.voucherNo());
        ps.setInt(4, e.legNo());
        ps.setInt(5, e.reversal() ? 1 : 0);
        if (e.reversedEntryId() == null) {
            ps.setNull(6, Types.BIGINT);
        } else {
            ps.setLong(6, e.reversedEntryId());
        }
        ps.setString(7, e.postingType());
        ps.setString(8, e.side().name());
        ps.setLong(9, e.amountMinor());
        ps.setString(10, e.currency());
        ps.setLong(11, e.balanceBeforeMinor());
        ps.setLong(12, e.balanceAfterMinor());
        ps.setDate(13, Date.valueOf(e.accountingDate()));
        ps.setString(14, e.traceId());
        ps.setString(15, e.digest());
        ps.setString(16, e.previousHash());
        ps.setString(17, e.hash());
        ps.setInt(18, e.chainFormat().code());
        ps.setString(19, e.movement().name());
        SubBalances after = e.subBalancesAfter();
        if (after == null) {
            ps.setNull(20, Types.BIGINT);
            ps.setNull(21, Types.BIGINT);
            ps.setNull(22, Types.BIGINT);
        } else {
            ps.setLong(20, after.availableMinor());
            ps.setLong(21, after.frozenMinor());
            ps.setLong(22, after.inTransitMinor());
        }
    }

    @Override
    public List<JournalEntry> byVoucher(String voucherNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM journal_entry WHERE voucher_no = ? ORDER BY reversal, leg_no",
                JdbcJournalRepository::map, voucherNo);
    }

    @Override
    public Map<String, String> digestsOf(Collection<String> voucherNos) {
        return VoucherDigests.of(jdbc, "journal_entry", voucherNos);
    }

    @Override
    public List<JournalEntry> page(long accountId, long afterVersion, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM journal_entry WHERE account_id = ? AND version > ?"
                + " ORDER BY version LIMIT ?", JdbcJournalRepository::map, accountId, afterVersion, limit);
    }

    @Override
    public void walkAfter(long accountId, long afterVersion, Predicate<JournalEntry> consumer) {
        long after = afterVersion;
        while (true) {
            List<JournalEntry> page = page(accountId, after, 5000);
            for (JournalEntry e : page) {
                if (!consumer.test(e)) {
                    return;
                }
                after = e.version();
            }
            if (page.size() < 5000) {
                return;
            }
        }
    }

    @Override
    public long count(long accountId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE account_id = ?", Long.class, accountId);
    }

    static JournalEntry map(ResultSet rs, int row) throws SQLException {
        long reversed = rs.getLong("reversed_entry_id");
        Long reversedId = rs.wasNull() ? null : reversed;
        return new JournalEntry(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("version"), rs.getString("voucher_no"),
                rs.getInt("leg_no"), rs.getInt("reversal") == 1, reversedId, rs.getString("posting_type"),
                EntryMovement.valueOf(rs.getString("movement")), Side.valueOf(rs.getString("side")),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getLong("balance_before_minor"),
                rs.getLong("balance_after_minor"), subBalancesAfter(rs), rs.getDate("accounting_date").toLocalDate(),
                rs.getString("trace_id"), rs.getString("request_digest"), ChainFormat.of(rs.getInt("chain_format")),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    /** Null when any of the three is null (a format 1 row); the verifier refuses a partial set in a format 2 row. */
    private static SubBalances subBalancesAfter(ResultSet rs) throws SQLException {
        long available = rs.getLong("available_after_minor");
        boolean missing = rs.wasNull();
        long frozen = rs.getLong("frozen_after_minor");
        missing |= rs.wasNull();
        long inTransit = rs.getLong("in_transit_after_minor");
        missing |= rs.wasNull();
        return missing ? null : new SubBalances(available, frozen, inTransit);
    }
}
