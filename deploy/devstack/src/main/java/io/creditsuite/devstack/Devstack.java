package io.creditsuite.devstack;

import java.util.List;

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
            // a branch environment's instances first: they use the stack's middleware
            BranchEnvironment.running(settings).forEach(env -> BranchEnvironment.down(settings, env)
                    .forEach(name -> progress.note("stopped " + name)));
            return StackStopper.stop(settings, progress);
        }
    }

    /**
     * Kills one component as a crash would: SIGKILL to it and its children, no shutdown hook. For fault tests.
     *
     * @return the pid killed
     * @throws DevstackException when it is not running, or survives
     */
    public static long kill(StackSettings settings, Component component) {
        try (StackLock lock = StackLock.acquire(settings, "kill")) {
            return ComponentFaults.kill(settings, component);
        }
    }

    /**
     * Stops one component gracefully, as {@code down} does (SIGTERM, SIGKILL after the stop grace, or after the longer
     * grace of a service writing its class data archive). For the rolling restart.
     *
     * @throws DevstackException when it is not running
     */
    public static StopReport.Stopped stop(StackSettings settings, Component component) {
        try (StackLock lock = StackLock.acquire(settings, "stop")) {
            return ComponentFaults.stopGracefully(settings, component, Progress.silent());
        }
    }

    /**
     * Starts one component that is not running (e.g. after {@link #kill}) with the same settings and working
     * directory, and returns once it is ready.
     *
     * @throws DevstackException when it is running, its ports are taken, or it does not become ready (then it is
     *                           stopped again)
     */
    public static RestartedComponent restart(StackSettings settings, Component component, Progress progress) {
        try (StackLock lock = StackLock.acquire(settings, "restart")) {
            return ComponentFaults.restart(settings, component, progress);
        }
    }

    /** Starts a branch environment's instances of {@code services} beside the running stack ({@link BranchEnvironment}). */
    public static List<BranchEnvironment.Instance> branchUp(StackSettings settings, String env, List<Component> services,
                                                            Progress progress) {
        try (StackLock lock = StackLock.acquire(settings, "branch")) {
            return BranchEnvironment.up(settings, env, services, progress);
        }
    }

    /** Stops a branch environment's instances; returns their names. */
    public static List<String> branchDown(StackSettings settings, String env) {
        try (StackLock lock = StackLock.acquire(settings, "branch")) {
            return BranchEnvironment.down(settings, env);
        }
    }

    public static StackStatus status(StackSettings settings) {
        return StackStatus.scan(settings);
    }
}
