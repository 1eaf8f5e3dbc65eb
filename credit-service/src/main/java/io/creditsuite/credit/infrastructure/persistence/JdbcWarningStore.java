package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.api.credit.WarningKind;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.credit.application.WarningStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The warning scan's reads and the warning records; runs in the caller's transaction. */
@Component
public class JdbcWarningStore implements WarningStore {
    private static final String WARNING_COLUMNS = "warning_key, kind, subject, customer_id, line_id, currency,"
            + " amount_minor, detail, raised_at";
    private static final RowMapper<WarningView> WARNING = (rs, n) -> new WarningView(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant().toEpochMilli());

    private final JdbcTemplate jdbc;

    public JdbcWarningStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActiveNode> activeNodes() {
        return jdbc.query("SELECT n.node_id, n.line_id, l.holder_id, n.currency, n." + LimitRows.BALANCE_COLUMNS.replace(", ", ", n.")
                        + " FROM limit_node n JOIN credit_line l ON l.line_id = n.line_id WHERE l.status = 'ACTIVE'"
                        + " ORDER BY n.node_id",
                (rs, n) -> new ActiveNode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        LimitRows.balances(rs, 5)));
    }

    @Override
    public List<LineTerm> lineTerms() {
        return jdbc.query("SELECT line_id, holder_id, currency, term_end FROM credit_line ORDER BY line_id",
                (rs, n) -> new LineTerm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
    }

    @Override
    public List<DueHold> dueHolds(Instant now) {
        // returned: what the RETURN flows of the hold took off its leaf node's in-use
        return jdbc.query("SELECT d.hold_id, h.line_id, l.holder_id, h.currency, d.due_minor,"
                        + " COALESCE((SELECT SUM(-e.in_use_minor) FROM credit_flow f JOIN credit_flow_entry e"
                        + "   ON e.flow_seq = f.flow_seq AND e.node_id = h.leaf_node_id"
                        + "   WHERE f.hold_id = d.hold_id AND f.flow_type = 'RETURN'), 0),"
                        + " h.in_transit_minor + h.in_use_minor"
                        // dues saturate at Long.MAX_VALUE (more than any hold can owe): no wrap, no failed read
                        + " FROM (SELECT hold_id, LEAST(SUM(amount_minor), 9223372036854775807) AS due_minor"
                        + "   FROM credit_repayment_due"
                        + "   WHERE due_at <= ? GROUP BY hold_id) d"
                        + " JOIN credit_hold h ON h.hold_id = d.hold_id JOIN credit_line l ON l.line_id = h.line_id"
                        + " ORDER BY d.hold_id",
                (rs, n) -> new DueHold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)), Timestamp.from(now));
    }

    @Override
    public List<BusinessTypeExposure> cappedBusinessTypes() {
        // summed in DECIMAL and saturated at Long.MAX_VALUE: a sum past it is over any cap, and neither wraps nor
        // fails the read
        return jdbc.query("SELECT c.business_type, c.currency, LEAST(COALESCE(SUM(CAST(n.frozen_minor AS DECIMAL(21))"
                        + " + n.in_transit_minor + n.in_use_minor), 0), 9223372036854775807), c.cap_minor"
                        + " FROM credit_business_cap c LEFT JOIN limit_node n"
                        + " ON n.level = 'BUSINESS_TYPE' AND n.business_type = c.business_type AND n.currency = c.currency"
                        + " GROUP BY c.business_type, c.currency, c.cap_minor ORDER BY c.business_type, c.currency",
                (rs, n) -> new BusinessTypeExposure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public List<WarningView> insertNew(List<WarningView> warnings) {
        List<WarningView> inserted = new ArrayList<>();
        for (WarningView w : warnings) {
            int rows = jdbc.update("INSERT IGNORE INTO credit_warning (" + WARNING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    w.warningKey(), w.kind(), w.subject(), w.customerId(), w.lineId(), w.currency(), w.amountMinor(),
                    w.detail().length() > 500 ? w.detail().substring(0, 500) : w.detail(),
                    Timestamp.from(Instant.ofEpochMilli(w.raisedAtEpochMillis())));
            if (rows == 1) {
                inserted.add(w);
            }
        }
        return inserted;
    }

    @Override
    public List<WarningView> unpublished(int max) {
        return jdbc.query("SELECT " + WARNING_COLUMNS + " FROM credit_warning WHERE published_at IS NULL"
                + " ORDER BY raised_at, warning_key LIMIT ?", WARNING, max);
    }

    @Override
    public void markPublished(String warningKey, Instant at) {
        jdbc.update("UPDATE credit_warning SET published_at = ? WHERE warning_key = ? AND published_at IS NULL",
                Timestamp.from(at), warningKey);
    }

    @Override
    public List<WarningView> query(WarningKind kind, String customerId, Instant from, Instant to, int limit) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        StringBuilder where = new StringBuilder("raised_at >= ? AND raised_at < ?");
        if (kind != null) {
            where.append(" AND kind = ?");
            args.add(kind.name());
        }
        if (customerId != null) {
            where.append(" AND customer_id = ?");
            args.add(customerId);
        }
        args.add(limit);
        return jdbc.query("SELECT " + WARNING_COLUMNS + " FROM credit_warning WHERE " + where
                + " ORDER BY raised_at DESC, warning_key LIMIT ?", WARNING, args.toArray());
    }

    @Override
    public Optional<Due> due(String requestId) {
        return jdbc.query("SELECT request_id, hold_id, due_at, amount_minor, currency, body_hash FROM credit_repayment_due"
                + " WHERE request_id = ?", (rs, n) -> new Due(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getString(5), rs.getString(6)), requestId)
                .stream().findFirst();
    }

    @Override
    public void insertDue(Due due, Instant at) {
        jdbc.update("INSERT INTO credit_repayment_due (request_id, hold_id, due_at, amount_minor, currency, body_hash,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", due.requestId(), due.holdId(), Timestamp.from(due.dueAt()),
                due.amountMinor(), due.currency(), due.bodyHash(), Timestamp.from(at));
    }

    @Override
    public void upsertCap(String businessType, String currency, long capMinor, Instant at) {
        jdbc.update("INSERT INTO credit_business_cap (business_type, currency, cap_minor, updated_at) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE cap_minor = VALUES(cap_minor), updated_at = VALUES(updated_at)",
                businessType, currency, capMinor, Timestamp.from(at));
    }
}
