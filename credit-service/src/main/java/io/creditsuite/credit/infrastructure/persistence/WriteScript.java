package io.creditsuite.credit.infrastructure.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one batch, run in order on one connection, each statement checked against the row count it must
 * report. The first error, or a wrong count, is thrown (translated by {@link JdbcTemplate}, e.g. a repeated request
 * id as a {@code DuplicateKeyException}) and the caller's transaction rolls back.
 *
 * <p>Why statements of few shapes: the service's connections prepare statements on the server
 * ({@code useServerPrepStmts}) and keep them ({@code cachePrepStmts}), so a statement seen before is neither parsed
 * by the driver nor by the server again, and its values travel in binary. A batch's row counts vary, so every
 * multi-row statement is cut into at most two parts below {@link #MAX_ROWS} rows ({@link #parts}): each kind of
 * statement has at most 47 shapes, and a hot-path batch of a few dozen uses inserts its flows, entries and holds
 * in three to six statements (each a round trip, profiled at ~100 µs of the server's CPU on loopback). Profiled against one multi-statement text of the batch's exact size (parsed anew each time,
 * by the driver and by the server): a third of the server's CPU and most of the writer's per batch. All values are
 * bound, never spliced into the text.
 */
final class WriteScript {
    /** Most rows of one statement; a power of two. */
    static final int MAX_ROWS = 512;

    private record Step(String name, String sql, List<Object> values, int rows, boolean keys) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** A statement that must report exactly {@code rows} matched rows (found rows, not changed rows). */
    WriteScript update(String name, String statement, List<Object> values, int rows) {
        steps.add(new Step(name, statement, values, rows, false));
        return this;
    }

    /** An INSERT of {@code rows} rows into a table with an AUTO_INCREMENT key; {@link #run} returns the keys. */
    WriteScript insertReturningKeys(String name, String statement, List<Object> values, int rows) {
        steps.add(new Step(name, statement, values, rows, true));
        return this;
    }

    /** Runs every statement in order; returns the generated keys of the {@link #insertReturningKeys} ones, in order. */
    long[] run(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<long[]>) connection -> {
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                try (PreparedStatement ps = step.keys
                        ? connection.prepareStatement(step.sql, Statement.RETURN_GENERATED_KEYS)
                        : connection.prepareStatement(step.sql)) {
                    bind(ps, step.values);
                    int count = ps.executeUpdate();
                    if (count != step.rows) {
                        throw wrong(i, "matched " + count + " rows, expected " + step.rows);
                    }
                    if (step.keys) {
                        int before = keys.size();
                        try (ResultSet rs = ps.getGeneratedKeys()) {
                            while (rs.next()) {
                                keys.add(rs.getLong(1));
                            }
                        }
                        if (keys.size() - before != step.rows) {
                            throw wrong(i, (keys.size() - before) + " generated keys for " + step.rows + " rows");
                        }
                    }
                }
            }
            return keys.stream().mapToLong(Long::longValue).toArray();
        });
    }

    private IncorrectUpdateSemanticsDataAccessException wrong(int statement, String what) {
        return new IncorrectUpdateSemanticsDataAccessException("statement " + (statement + 1) + " of the batch ("
                + steps.get(statement).name + "): " + what + "; the batch rolls back");
    }

    /**
     * Binds each value with its type's own setter ({@code setObject} looks the value's class up and reads connection
     * properties for every value: profiled, a visible share of a writer thread's time).
     */
    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object value = args.get(i);
            int index = i + 1;
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof Long l) {
                ps.setLong(index, l);
            } else if (value instanceof String text) {
                ps.setString(index, text);
            } else if (value instanceof Integer n) {
                ps.setInt(index, n);
            } else if (value instanceof java.sql.Timestamp time) {
                ps.setTimestamp(index, time);
            } else {
                ps.setObject(index, value);
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

    /** Parts of at most this many rows are sent as they are; larger ones are rounded down to a multiple of it. */
    static final int EXACT_ROWS = 32;

    /**
     * {@code n} rows cut into statements: {@link #MAX_ROWS} while more are left, then the rest rounded down to a
     * multiple of {@link #EXACT_ROWS}, then what remains (at most {@value #EXACT_ROWS}): 47 is 32 + 15, 96 is 96,
     * 1,300 is 512 + 512 + 256 + 20. Each part is one statement of a shape the connection has prepared before.
     */
    static List<Integer> parts(int n) {
        List<Integer> parts = new ArrayList<>();
        int left = n;
        while (left > MAX_ROWS) {
            parts.add(MAX_ROWS);
            left -= MAX_ROWS;
        }
        if (left > EXACT_ROWS) {
            int rounded = left / EXACT_ROWS * EXACT_ROWS;
            parts.add(rounded);
            left -= rounded;
        }
        if (left > 0) {
            parts.add(left);
        }
        return parts;
    }

    /** The smallest power of two {@code >= n} (at least 1): a padded key list keeps a statement's shapes few. */
    static int paddedSize(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * The row count a statement of {@code n} rows is padded to: a power of two up to 16, then a multiple of 16
     * (75 rows: 80, not 128), so padding stays small and the shapes few.
     */
    static int paddedRows(int n) {
        return n <= 16 ? paddedSize(n) : (n + 15) / 16 * 16;
    }

    /** {@code keys} padded to {@link #paddedSize} by repeating its last key (an IN list does not mind a repeat). */
    static <T> List<T> padded(List<T> keys) {
        List<T> padded = new ArrayList<>(keys);
        while (padded.size() < paddedSize(keys.size())) {
            padded.add(keys.get(keys.size() - 1));
        }
        return padded;
    }
}
