package io.creditsuite.middleware.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * CPU time used so far by this JVM and by the database server, for benchmarks: per operation, it tells where the
 * work goes independently of what else runs on the machine (which skews rates, not CPU time).
 *
 * <p>The server's figure comes from {@code /proc/<pid>/stat} of the MariaDB process named by its pid file, so it
 * exists only when the server runs on this Linux machine; otherwise it is -1.
 */
public final class CpuClock {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final Path serverStat;

    public CpuClock(DataSource dataSource) {
        this.serverStat = serverStat(dataSource);
    }

    /** The CPU nanoseconds of this JVM and of the database server so far (-1: unknown). */
    public Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long db = -1;
        if (serverStat != null) {
            try {
                db = ticks(Files.readString(serverStat)) * NANOS_PER_TICK;
            } catch (Exception e) {
                db = -1;
            }
        }
        return new Sample(jvm, db, jitCpuNanos());
    }

    /**
     * CPU nanoseconds of the JVM and the server, and of the JIT's compiler threads (which, within the JVM's figure,
     * is work the benchmarked code did not ask for), at one moment.
     */
    public record Sample(long jvmNanos, long dbNanos, long jitNanos) {

        /** {@code "cpu_us jvm=.. db=.. (jit_ms=..)"}: CPU per operation since {@code earlier}, and the JIT's CPU in all. */
        public String perOperationSince(Sample earlier, long operations) {
            long ops = Math.max(1, operations);
            String db = dbNanos < 0 || earlier.dbNanos < 0 ? "n/a"
                    : String.format(java.util.Locale.ROOT, "%.0f", (dbNanos - earlier.dbNanos) / 1e3 / ops);
            return String.format(java.util.Locale.ROOT, "cpu_us jvm=%.0f db=%s (jit_ms=%d)",
                    (jvmNanos - earlier.jvmNanos) / 1e3 / ops, db, (jitNanos - earlier.jitNanos) / 1_000_000);
        }
    }

    /**
     * The CPU time of the JIT's compiler threads, from {@code /proc/self/task} (0 elsewhere). Not the JVM's
     * compilation-time counter: that one is wall time, which a busy machine inflates. A compiler thread that ended
     * takes its time with it, so over a window the figure can only be an underestimate.
     */
    private static long jitCpuNanos() {
        long total = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    // "C1 CompilerThre", "C2 CompilerThre" (a thread's name, cut to 15 characters)
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        total += ticks(Files.readString(task.resolve("stat")));
                    }
                } catch (Exception e) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return total * NANOS_PER_TICK;
    }

    /** utime + stime of a {@code /proc/.../stat} line, in clock ticks. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Path serverStat(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@datadir, @@pid_file")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1)).resolve(rs.getString(2));
            Path stat = Path.of("/proc", Files.readString(pidFile).trim(), "stat");
            return Files.isReadable(stat) ? stat : null;
        } catch (Exception e) {
            return null; // not Linux, or the server runs elsewhere
        }
    }
}
