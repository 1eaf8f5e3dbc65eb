package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitType;
import io.creditsuite.credit.domain.LineStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reads the domain's values from result sets. */
final class LimitRows {
    static final String BALANCE_COLUMNS = "fixed_minor, temporary_minor, temporary_expires_at, retired_minor,"
            + " frozen_minor, in_transit_minor, in_use_minor";
    static final String HOLD_COLUMNS = "hold_id, line_id, leaf_node_id, currency, frozen_minor, in_transit_minor,"
            + " in_use_minor, expires_at, tcc_xid";
    static final String LINE_COLUMNS = "line_id, grantor_id, holder_id, limit_type, currency, subject_id, term_start,"
            + " term_end, revolving, rate, status, clear_request_id";

    private LimitRows() {
    }

    /** The seven balance columns, starting at column {@code first}. */
    static Balances balances(ResultSet rs, int first) throws SQLException {
        return new Balances(rs.getLong(first), rs.getLong(first + 1), instant(rs.getTimestamp(first + 2)),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6));
    }

    static Hold hold(ResultSet rs) throws SQLException {
        return new Hold(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), instant(rs.getTimestamp(8)), rs.getString(9));
    }

    /** The {@link #LINE_COLUMNS}, starting at column 1. */
    static CreditLine line(ResultSet rs) throws SQLException {
        return line(rs, 1);
    }

    /** The twelve {@link #LINE_COLUMNS}, starting at column {@code first}. */
    static CreditLine line(ResultSet rs, int first) throws SQLException {
        int c = first - 1;
        return new CreditLine(rs.getString(c + 1), rs.getString(c + 2), rs.getString(c + 3),
                LimitType.valueOf(rs.getString(c + 4)), rs.getString(c + 5), rs.getString(c + 6),
                rs.getTimestamp(c + 7).toInstant(), rs.getTimestamp(c + 8).toInstant(), rs.getBoolean(c + 9),
                rs.getBigDecimal(c + 10), LineStatus.valueOf(rs.getString(c + 11)), rs.getString(c + 12));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
