package io.creditsuite.credit.infrastructure.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements sent to the database in ONE round trip (the driver's {@code allowMultiQueries}), each with the row
 * count it must report, or a one-row query whose first row is kept. The server runs them in order and stops at the
 * first error, which is thrown (translated by {@link JdbcTemplate}, e.g. a repeated request id as a
 * {@code DuplicateKeyException}); a wrong count throws too. Either way the caller's transaction rolls back.
 *
 * <p>Why: a batch of the limit writer holds its nodes' row locks from its locking read to its commit, and every
 * round trip in between lengthens that. All parameters are bound (no value is ever spliced into the text).
 */
final class WriteScript {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();
    /** Per statement: the row count it must report, or {@link #QUERY}. */
    private final List<Integer> expected = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private static final int QUERY = -1;

    /** A statement that must report exactly {@code rows} matched rows (found rows, not changed rows). */
    WriteScript update(String name, String statement, List<Object> values, int rows) {
        return add(name, statement, values, rows);
    }

    /** A query; the values of its first row come back from {@link #run}, in the order queries were added. */
    WriteScript query(String name, String statement, List<Object> values) {
        return add(name, statement, values, QUERY);
    }

    private WriteScript add(String name, String statement, List<Object> values, int rows) {
        if (!expected.isEmpty()) {
            sql.append(";\n");
        }
        sql.append(statement);
        args.addAll(values);
        expected.add(rows);
        names.add(name);
        return this;
    }

    boolean isEmpty() {
        return expected.isEmpty();
    }

    /** Runs every statement in one round trip; returns the first row of each query. */
    List<long[]> run(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<List<long[]>>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                bind(ps, args);
                List<long[]> rows = new ArrayList<>();
                boolean isQuery = ps.execute();
                for (int i = 0; i < expected.size(); i++) {
                    if (expected.get(i) == QUERY) {
                        if (!isQuery) {
                            throw wrong(i, "no result set");
                        }
                        try (ResultSet rs = ps.getResultSet()) {
                            if (!rs.next()) {
                                throw wrong(i, "no row");
                            }
                            long[] row = new long[rs.getMetaData().getColumnCount()];
                            for (int c = 0; c < row.length; c++) {
                                row[c] = rs.getLong(c + 1);
                            }
                            rows.add(row);
                        }
                    } else {
                        int count = isQuery ? -1 : ps.getUpdateCount();
                        if (count != expected.get(i)) {
                            throw wrong(i, "matched " + count + " rows, expected " + expected.get(i));
                        }
                    }
                    isQuery = ps.getMoreResults();
                }
                return rows;
            }
        });
    }

    private IncorrectUpdateSemanticsDataAccessException wrong(int statement, String what) {
        return new IncorrectUpdateSemanticsDataAccessException("statement " + (statement + 1) + " of the batch ("
                + names.get(statement) + "): " + what + "; the batch rolls back");
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object value = args.get(i);
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code count} rows of {@code columns} marks each: {@code (?, ?), (?, ?)}. */
    static String rows(int count, int columns) {
        String row = "(" + marks(columns) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }
}
