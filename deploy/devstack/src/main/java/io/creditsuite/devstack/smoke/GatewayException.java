package io.creditsuite.devstack.smoke;

/**
 * The gateway could not be reached, or answered with an error. {@code status} is 0 when no HTTP
 * answer came; {@code code} is the problem+json error code when there was one.
 */
public final class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    GatewayException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
