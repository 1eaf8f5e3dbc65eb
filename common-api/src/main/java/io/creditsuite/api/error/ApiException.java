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

    /** The longest detail kept: a refusal of a 100,000-character id must not carry it back (or into a log). */
    public static final int DETAIL_MAX = 500;

    public ApiException(ErrorCode errorCode, String detail) {
        super(errorCode.code() + " " + errorCode.message() + (detail == null ? "" : ": " + safe(detail)));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.detail = safe(detail);
    }

    /**
     * The detail as it may be shown and logged: control characters escaped (CR as a backslash and r, LF as a
     * backslash and n, others as a backslash, u and four hex digits) so that an echoed input cannot forge a log line,
     * and cut after {@link #DETAIL_MAX} characters.
     */
    static String safe(String detail) {
        if (detail == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(detail.length(), DETAIL_MAX) + 32);
        int i = 0;
        for (; i < detail.length() && out.length() < DETAIL_MAX; i++) {
            char c = detail.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i == detail.length() ? out.toString() : out + "... (" + detail.length() + " characters)";
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** What exactly was wrong, for the caller (never a stack trace or SQL). */
    public String detail() {
        return detail;
    }
}
