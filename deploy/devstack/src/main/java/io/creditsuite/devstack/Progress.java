package io.creditsuite.devstack;

import java.time.Duration;
import java.util.List;

/** What {@link Devstack} reports while it starts or stops components. */
public interface Progress {

    void starting(Component component, String detail);

    void ready(Component component, long pid, Duration took);

    /** A component failed; {@code logTail} is the end of its log. */
    void failed(Component component, String reason, List<String> logTail);

    void stopping(Component component, long pid);

    void stopped(Component component, long pid, Duration took, boolean forced);

    /** A line of its own, e.g. "Stopping what was started". */
    void note(String message);

    /** Reports nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void starting(Component component, String detail) {
            }

            @Override
            public void ready(Component component, long pid, Duration took) {
            }

            @Override
            public void failed(Component component, String reason, List<String> logTail) {
            }

            @Override
            public void stopping(Component component, long pid) {
            }

            @Override
            public void stopped(Component component, long pid, Duration took, boolean forced) {
            }

            @Override
            public void note(String message) {
            }
        };
    }
}
