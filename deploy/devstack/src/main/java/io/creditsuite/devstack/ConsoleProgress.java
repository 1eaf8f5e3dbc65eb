package io.creditsuite.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Progress lines on a terminal, stamped with the seconds since the command began:
 * <pre>
 * [  0.3s] mariadb            starting  port 3306
 * [ 12.3s] credit-service     ready     (8.1s, pid 4242)
 * </pre>
 * Lines come from several starter threads; each is printed whole.
 */
public final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final long startedNanos;

    public ConsoleProgress(PrintStream out, long startedNanos) {
        this.out = out;
        this.startedNanos = startedNanos;
    }

    public ConsoleProgress(PrintStream out) {
        this(out, System.nanoTime());
    }

    @Override
    public void starting(Component component, String detail) {
        line(component, "starting", detail);
    }

    @Override
    public void ready(Component component, long pid, Duration took) {
        line(component, "ready", "(" + seconds(took) + ", pid " + pid + ")");
    }

    @Override
    public void failed(Component component, String reason, List<String> logTail) {
        StringBuilder text = new StringBuilder(stamp()).append(' ')
                .append(String.format(Locale.ROOT, "%-18s %-9s %s", component.processName(), "FAILED", reason));
        if (!logTail.isEmpty()) {
            text.append(System.lineSeparator()).append("         last ").append(logTail.size())
                    .append(" lines of its log:");
            for (String logLine : logTail) {
                text.append(System.lineSeparator()).append("         | ").append(logLine);
            }
        }
        print(text.toString());
    }

    @Override
    public void stopping(Component component, long pid) {
        line(component, "stopping", "(pid " + pid + ")");
    }

    @Override
    public void stopped(Component component, long pid, Duration took, boolean forced) {
        line(component, "stopped", "(" + seconds(took) + (forced ? ", killed after the grace period" : "") + ")");
    }

    @Override
    public void note(String message) {
        print(stamp() + " " + message);
    }

    private void line(Component component, String event, String detail) {
        print(stamp() + " " + String.format(Locale.ROOT, "%-18s %-9s %s", component.processName(), event, detail));
    }

    private synchronized void print(String text) {
        out.println(text);
        out.flush();
    }

    private String stamp() {
        return String.format(Locale.ROOT, "[%5.1fs]", (System.nanoTime() - startedNanos) / 1e9);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
