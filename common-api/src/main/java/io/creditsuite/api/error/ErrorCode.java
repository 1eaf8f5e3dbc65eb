package io.creditsuite.api.error;

/**
 * Every error credit-suite can return, with its stable code, HTTP status and default message.
 *
 * <p>Codes are published API: a code is never renamed, never reused and never changes its
 * meaning. Ranges: {@code CS-1xxx} common, {@code CS-2xxx} credit, {@code CS-3xxx} account,
 * {@code CS-4xxx} approval, {@code CS-5xxx} reconcile, {@code CS-6xxx} gateway.
 */
public enum ErrorCode {
    INVALID_ARGUMENT("CS-1000", 400, "A request field is missing or malformed"),
    REQUEST_ID_REUSED("CS-1001", 409, "The request id was already used with a different body"),
    REQUEST_IN_PROGRESS("CS-1002", 409, "A request with this id is still being processed"),
    NOT_FOUND("CS-1003", 404, "The requested resource does not exist"),
    DOWNSTREAM_UNAVAILABLE("CS-1004", 503, "A service this request depends on is unavailable"),
    RATE_LIMITED("CS-1005", 429, "Too many requests; retry later"),
    INTERNAL_ERROR("CS-1099", 500, "Unexpected internal error"),

    PROBE_FAILED("CS-1900", 500, "A wiring probe did not reach the expected outcome");

    private final String code;
    private final int httpStatus;
    private final String message;

    ErrorCode(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}
