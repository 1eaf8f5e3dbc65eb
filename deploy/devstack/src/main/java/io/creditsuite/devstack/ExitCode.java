package io.creditsuite.devstack;

/** Exit statuses of the devstack CLI; README's "Run it" section lists them. */
public enum ExitCode {
    OK(0),
    /** A component did not start, the smoke demo failed, or a process survived the stop. */
    FAILED(1),
    USAGE(2),
    /** {@code up} found components of this stack already running and started nothing. */
    ALREADY_RUNNING(3),
    /** {@code up} found a port of the stack taken by another process and started nothing. */
    PORT_IN_USE(4),
    /** A jar or classpath file the stack needs has not been built. */
    NOT_BUILT(5),
    /** Another devstack command holds this working directory. */
    BUSY(6);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
