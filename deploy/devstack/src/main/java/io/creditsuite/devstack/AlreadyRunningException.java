package io.creditsuite.devstack;

import java.util.List;

/** {@code up} found components of the same stack running and started nothing. */
public final class AlreadyRunningException extends DevstackException {

    private static final long serialVersionUID = 1L;

    private final transient List<ComponentStatus> running;

    AlreadyRunningException(List<ComponentStatus> running, String message) {
        super(ExitCode.ALREADY_RUNNING, message);
        this.running = List.copyOf(running);
    }

    /** The components found running, with their pids. */
    public List<ComponentStatus> running() {
        return running;
    }
}
