package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.Hold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reads the domain's values from result sets. */
final class LimitRows {
    static final String BALANCE_COLUMNS = "fixed_minor, temporary_minor, temporary_expires_at, retired_minor,"
            + " frozen_minor, in_transit_minor, in_use_minor";
    static final String HOLD_COLUMNS = "hold_id, line_id, leaf_node_id, currency, frozen_minor, in_transit_minor,"
            + " in_use_minor, expires_at";

    private LimitRows() {
    }

    /** The seven balance columns, starting at column {@code first}. */
    static Balances balances(ResultSet rs, int first) throws SQLException {
        return new Balances(rs.getLong(first), rs.getLong(first + 1), instant(rs.getTimestamp(first + 2)),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6));
    }

    static Hold hold(ResultSet rs) throws SQLException {
        return new Hold(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), instant(rs.getTimestamp(8)));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
