package io.creditsuite.middleware;

/**
 * A middleware component did not become usable. The message names the component and, where
 * there is one, ends with the last lines of its log, so a failed build says why without anyone
 * having to find the log first.
 */
public class ComponentStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String component;

    public ComponentStartException(String component, String message, Throwable cause) {
        super(component + ": " + message, cause);
        this.component = component;
    }

    public ComponentStartException(String component, String message) {
        this(component, message, null);
    }

    /** The component that failed, e.g. {@code "rocketmq-broker"}. */
    public String component() {
        return component;
    }
}
