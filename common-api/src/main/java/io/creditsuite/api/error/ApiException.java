package io.creditsuite.api.error;

import java.util.Objects;

/**
 * The one exception type that crosses service boundaries.
 *
 * <p>It lives in common-api so that Dubbo's ExceptionFilter passes it to consumers intact (an
 * exception class the consumer cannot load would arrive as a string). Expected business
 * outcomes are not exceptions: they are values in the response.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String detail;

    public ApiException(ErrorCode errorCode, String detail) {
        super(errorCode.code() + " " + errorCode.message() + (detail == null ? "" : ": " + detail));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.detail = detail;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** What exactly was wrong, for the caller (never a stack trace or SQL). */
    public String detail() {
        return detail;
    }
}
