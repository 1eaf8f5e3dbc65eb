package io.creditsuite.support.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of every table of the test context's schema, read in ONE statement (one snapshot), for
 * {@link HostileDubboBattery}: a refused call leaves each of them as it was.
 */
public final class TableRows implements Supplier<Map<String, Long>> {
    private final JdbcTemplate jdbc;
    private final Map<String, String> counts;
    private final String sql;

    private TableRows(JdbcTemplate jdbc, Map<String, String> counts) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.sql = "SELECT " + counts.values().stream().collect(Collectors.joining(", "));
    }

    /**
     * Every base table of the schema but those {@code skipped} says another part of the running context writes on
     * its own schedule (a sweep, a workflow engine's job tables); {@code merged} are counted as their sum, for
     * tables between which a background job moves rows (one pending detail folded into one journal entry).
     */
    public static TableRows of(JdbcTemplate jdbc, Predicate<String> skipped, Set<String> merged) {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
        Map<String, String> counts = new LinkedHashMap<>();
        for (String table : tables) {
            if (!skipped.test(table) && !merged.contains(table)) {
                counts.put(table, "(SELECT COUNT(*) FROM `" + table + "`)");
            }
        }
        if (!merged.isEmpty()) {
            counts.put(String.join("+", merged), merged.stream().sorted()
                    .map(t -> "(SELECT COUNT(*) FROM `" + t + "`)").collect(Collectors.joining(" + ")));
        }
        return new TableRows(jdbc, counts);
    }

    @Override
    public Map<String, Long> get() {
        return jdbc.query(sql, rs -> {
            rs.next();
            Map<String, Long> result = new LinkedHashMap<>();
            int column = 1;
            for (String name : counts.keySet()) {
                result.put(name, rs.getLong(column++));
            }
            return result;
        });
    }

    public Set<String> names() {
        return counts.keySet();
    }
}
