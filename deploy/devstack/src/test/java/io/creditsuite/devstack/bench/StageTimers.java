package io.creditsuite.devstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time goes, read from the services themselves: the stage timers at {@code /actuator/prometheus} (count and
 * sum of each, so a window's mean is the difference of two readings) and the CPU time of each process from
 * {@code /proc/<pid>/stat} (the process and its children, e.g. mariadbd under its launcher).
 */
public final class StageTimers {
    /** A timer series: the service's URL, the metric's base name and a label that picks the series. */
    record Series(String label, String baseUrl, String metric, String selector) {
    }

    record Reading(Map<String, double[]> timers, Map<String, Double> cpuSeconds) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

    private final List<Series> series;
    private final Map<String, Long> pids;

    StageTimers(List<Series> series, Map<String, Long> pids) {
        this.series = series;
        this.pids = pids;
    }

    Reading read() {
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, double[]> timers = new LinkedHashMap<>();
        for (Series s : series) {
            String page = pages.computeIfAbsent(s.baseUrl(), StageTimers::fetch);
            timers.put(s.label(), new double[] {value(page, s.metric() + "_count", s.selector()),
                    value(page, s.metric() + "_sum", s.selector())});
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        // the benchmark's own JVM launched the stack: its descendants are the components, counted by name above
        pids.forEach((name, pid) -> cpu.put(name, pid == ProcessHandle.current().pid() ? ownCpu(pid) : cpuSeconds(pid)));
        cpu.put("all", cpuSeconds(ProcessHandle.current().pid()));
        return new Reading(timers, cpu);
    }

    /** Count and mean milliseconds of each series between two readings. */
    static Map<String, double[]> between(Reading before, Reading after) {
        Map<String, double[]> out = new LinkedHashMap<>();
        after.timers().forEach((label, a) -> {
            double[] b = before.timers().get(label);
            double count = a[0] - b[0];
            out.put(label, new double[] {count, count == 0 ? Double.NaN : (a[1] - b[1]) * 1000 / count});
        });
        return out;
    }

    public static String fetch(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The summed value of every line of {@code name} whose labels contain each {@code ;}-separated part of
     * {@code selector}; 0 if none. */
    public static double value(String page, String name, String selector) {
        double sum = 0;
        String[] parts = selector.split(";");
        for (String line : page.split("\n")) {
            if (line.startsWith(name + "{") && java.util.Arrays.stream(parts).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static double cpuSeconds(long pid) {
        double total = ownCpu(pid);
        total += ProcessHandle.of(pid).map(h -> h.descendants().mapToDouble(d -> ownCpu(d.pid())).sum()).orElse(0.0);
        return total;
    }

    private static double ownCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
