package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.api.credit.ReportDimension;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.credit.application.ReportReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One grouped pass over the entries before {@code to}: a node's balance at a time is the sum of its entries before
 * that time, and the period's occurrence is the sum of the period's entries by flow type. It reads the whole log
 * up to {@code to}; day-end snapshots (日切) would bound that and are left for when the log is large.
 */
@Component
public class JdbcReportReader implements ReportReader {
    private final JdbcTemplate jdbc;

    public JdbcReportReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReportRow> report(ReportDimension dimension, Instant from, Instant to) {
        String key = switch (dimension) {
            case LIMIT_TYPE -> "l.limit_type";
            case BUSINESS_TYPE -> "n.business_type";
            case CUSTOMER -> "l.holder_id";
        };
        String level = dimension == ReportDimension.BUSINESS_TYPE ? "BUSINESS_TYPE" : "LIMIT_TYPE";
        String before = "f.occurred_at < ?";
        String during = "f.occurred_at >= ?";
        String sql = "SELECT " + key + " AS group_key, n.currency,"
                + " SUM(CASE WHEN " + before + " THEN e.in_transit_minor + e.in_use_minor ELSE 0 END),"
                + " SUM(e.in_transit_minor + e.in_use_minor),"
                + " SUM(CASE WHEN " + before + " THEN e.frozen_minor ELSE 0 END),"
                + " SUM(e.frozen_minor),"
                + " SUM(CASE WHEN " + during + " AND f.flow_type = 'FREEZE' THEN e.frozen_minor ELSE 0 END),"
                + " SUM(CASE WHEN " + during + " AND f.flow_type IN ('UNFREEZE', 'EXPIRE') THEN -e.frozen_minor ELSE 0 END),"
                + " SUM(CASE WHEN " + during + " AND f.flow_type = 'USE' THEN e.in_transit_minor ELSE 0 END),"
                + " SUM(CASE WHEN " + during + " AND f.flow_type = 'DISBURSE' THEN e.in_use_minor ELSE 0 END),"
                + " SUM(CASE WHEN " + during + " AND f.flow_type = 'RETURN' THEN -e.in_use_minor ELSE 0 END),"
                + " COUNT(DISTINCT CASE WHEN " + during + " THEN f.flow_seq END)"
                + " FROM credit_flow_entry e JOIN credit_flow f ON f.flow_seq = e.flow_seq"
                + " JOIN limit_node n ON n.node_id = e.node_id JOIN credit_line l ON l.line_id = n.line_id"
                + " WHERE f.occurred_at < ? AND n.level = ?"
                + " GROUP BY group_key, n.currency ORDER BY group_key, n.currency";
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        return jdbc.query(sql, (rs, n) -> new ReportRow(dimension.name(), rs.getString(1), rs.getString(2),
                exact(rs, 3), exact(rs, 4), exact(rs, 5), exact(rs, 6), exact(rs, 7), exact(rs, 8), exact(rs, 9),
                exact(rs, 10), exact(rs, 11), rs.getLong(12)), f, f, f, f, f, f, f, f, t, level);
    }

    /**
     * A sum of the group's entries (DECIMAL in MariaDB, so it neither wraps nor fails there), exactly as a long; one
     * past {@code Long.MAX_VALUE} is refused as {@code AMOUNT_OVERFLOW} (a report row carries longs), not a driver error.
     */
    private static long exact(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.math.BigDecimal sum = rs.getBigDecimal(column);
        try {
            return sum == null ? 0 : sum.longValueExact();
        } catch (ArithmeticException e) {
            throw new io.creditsuite.credit.domain.LimitRejection(
                    io.creditsuite.credit.domain.LimitRejection.Reason.AMOUNT_OVERFLOW, "the report's group "
                            + rs.getString(1) + " " + rs.getString(2) + " sums to " + sum + ", past " + Long.MAX_VALUE);
        }
    }
}
