package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.EntryOrigin;
import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.Side;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPendingCreditRepository implements PendingCreditRepository {
    private static final String COLUMNS = "id, account_id, voucher_no, leg_no, reversal, reversed_entry_id, posting_type,"
            + " side, amount_minor, currency, accounting_date, trace_id, request_digest, hash";

    private final JdbcTemplate jdbc;

    JdbcPendingCreditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<PendingCredit> details) {
        if (details.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO pending_credit (account_id, voucher_no, leg_no, reversal, reversed_entry_id,"
                + " posting_type, side, amount_minor, currency, accounting_date, trace_id, request_digest, hash)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", details, details.size(), (ps, d) -> {
                    EntryOrigin o = d.origin();
                    ps.setLong(1, d.accountId());
                    ps.setString(2, o.voucherNo());
                    ps.setInt(3, o.legNo());
                    ps.setInt(4, o.reversal() ? 1 : 0);
                    if (o.reversedEntryId() == null) {
                        ps.setNull(5, Types.BIGINT);
                    } else {
                        ps.setLong(5, o.reversedEntryId());
                    }
                    ps.setString(6, o.postingType());
                    ps.setString(7, d.side().name());
                    ps.setLong(8, d.amountMinor());
                    ps.setString(9, d.currency());
                    ps.setDate(10, Date.valueOf(o.accountingDate()));
                    ps.setString(11, o.traceId());
                    ps.setString(12, o.digest());
                    ps.setString(13, d.hash());
                });
    }

    @Override
    public List<PendingCredit> oldest(long accountId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pending_credit WHERE account_id = ? ORDER BY id LIMIT ?",
                JdbcPendingCreditRepository::map, accountId, limit);
    }

    @Override
    public void walk(long accountId, Predicate<PendingCredit> consumer) {
        long after = 0;
        while (true) {
            List<PendingCredit> page = jdbc.query("SELECT " + COLUMNS + " FROM pending_credit WHERE account_id = ?"
                    + " AND id > ? ORDER BY id LIMIT 5000", JdbcPendingCreditRepository::map, accountId, after);
            for (PendingCredit d : page) {
                if (!consumer.test(d)) {
                    return;
                }
                after = d.id();
            }
            if (page.size() < 5000) {
                return;
            }
        }
    }

    @Override
    public void delete(List<PendingCredit> folded) {
        if (folded.isEmpty()) {
            return;
        }
        String ids = folded.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(","));
        int deleted = jdbc.update("DELETE FROM pending_credit WHERE id IN (" + ids + ")");
        if (deleted != folded.size()) {
            throw new IllegalStateException("folded " + folded.size() + " details but deleted " + deleted);
        }
    }

    @Override
    public long sum(long accountId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) AS pending_minor FROM pending_credit"
                + " WHERE account_id = ?", (rs, i) -> JdbcDayEndRepository.exactLong(rs, "pending_minor", accountId), accountId);
    }

    @Override
    public List<PendingCredit> byVoucher(String voucherNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pending_credit WHERE voucher_no = ? ORDER BY reversal, leg_no",
                JdbcPendingCreditRepository::map, voucherNo);
    }

    @Override
    public Map<String, String> digestsOf(Collection<String> voucherNos) {
        return VoucherDigests.of(jdbc, "pending_credit", voucherNos);
    }

    @Override
    public List<Long> accountsWithPending() {
        return jdbc.queryForList("SELECT DISTINCT account_id FROM pending_credit", Long.class);
    }

    static PendingCredit map(ResultSet rs, int row) throws SQLException {
        long reversed = rs.getLong("reversed_entry_id");
        Long reversedId = rs.wasNull() ? null : reversed;
        EntryOrigin origin = new EntryOrigin(rs.getString("voucher_no"), rs.getInt("leg_no"), rs.getInt("reversal") == 1,
                reversedId, rs.getString("posting_type"), rs.getDate("accounting_date").toLocalDate(),
                rs.getString("trace_id"), rs.getString("request_digest"));
        return new PendingCredit(rs.getLong("id"), rs.getLong("account_id"), Side.valueOf(rs.getString("side")),
                rs.getLong("amount_minor"), rs.getString("currency"), origin, rs.getString("hash"));
    }
}
