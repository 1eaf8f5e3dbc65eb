package io.creditsuite.devstack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * InnoDB's row-lock counters of the whole server ({@code SHOW GLOBAL STATUS LIKE 'Innodb_row_lock%'}): between two
 * readings, how many lock requests waited and how long they waited in all. Read around one path's round, they say how
 * much of that path's time was spent queueing for row locks (every database of the stack counts, the idle services'
 * share is small).
 */
record RowLockCounters(long waits, long waitMillis) {

    static RowLockCounters read(Connection db) throws SQLException {
        long waits = 0;
        long millis = 0;
        try (PreparedStatement q = db.prepareStatement("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock%'");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                switch (rows.getString(1)) {
                    case "Innodb_row_lock_waits" -> waits = rows.getLong(2);
                    case "Innodb_row_lock_time" -> millis = rows.getLong(2);
                    default -> {
                    }
                }
            }
        }
        return new RowLockCounters(waits, millis);
    }

    RowLockCounters since(RowLockCounters before) {
        return new RowLockCounters(waits - before.waits, waitMillis - before.waitMillis);
    }
}
