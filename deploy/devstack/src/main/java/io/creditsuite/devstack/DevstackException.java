package io.creditsuite.devstack;

/** A devstack command cannot go on; the message is written for the person at the terminal. */
public class DevstackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public DevstackException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DevstackException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
