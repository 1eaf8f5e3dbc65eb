package io.creditsuite.devstack;

/**
 * The devstack as a library: what {@code ./devstack} runs, and what the system tests run on free
 * ports in a directory of their own.
 */
public final class Devstack {

    private Devstack() {
    }

    /**
     * Starts the whole stack and returns once every component is ready.
     *
     * @throws AlreadyRunningException when a component of this stack (same working directory) runs
     * @throws DevstackException       when a port is taken or an artifact is not built (nothing is
     *                                 started then), or when a component fails (what was started
     *                                 is stopped again)
     */
    public static RunningStack up(StackSettings settings, Progress progress) {
        try (StackLock lock = StackLock.acquire(settings, "up")) {
            Preflight.check(settings);
            StateFile.write(settings);
            return StackStarter.start(settings, progress);
        }
    }

    /** Stops whatever of this stack is running, in order. Stopping a stopped stack does nothing. */
    public static StopReport down(StackSettings settings, Progress progress) {
        try (StackLock lock = StackLock.acquire(settings, "down")) {
            return StackStopper.stop(settings, progress);
        }
    }

    public static StackStatus status(StackSettings settings) {
        return StackStatus.scan(settings);
    }
}
