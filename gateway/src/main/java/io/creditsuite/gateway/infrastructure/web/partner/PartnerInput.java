package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The edge's rules for the non-amount fields of partner requests. Everything a partner sends is checked here
 * before any service is called, so quotes, newlines (log injection), control characters and oversized values
 * never travel further. A refusal names the field and the rule, never echoes the value.
 *
 * <ul>
 *   <li>ids (customerId, lineId, loanId, holdId, partnerCustomerRef): {@code [A-Za-z0-9_.:-]{1,64}}</li>
 *   <li>bank accounts (payeeAccount, payerAccount): {@code [A-Za-z0-9-]{1,64}}</li>
 *   <li>node ids: integers {@code > 0}</li>
 *   <li>names: 1 to 128 characters, not blank, no control or line-separator characters</li>
 *   <li>Idempotency-Key: 1 to 64 printable ASCII characters (it becomes the downstream request id)</li>
 * </ul>
 */
final class PartnerInput {
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 128;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private PartnerInput() {
    }

    static String id(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
        if (!ID.matcher(value).matches()) {
            throw invalid(field, "must be 1 to " + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 _ . : -");
        }
        return value;
    }

    static String account(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
        if (!ACCOUNT.matcher(value).matches()) {
            throw invalid(field, "must be 1 to " + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 -");
        }
        return value;
    }

    static long nodeId(String field, Long value) {
        if (value == null) {
            throw missing(field);
        }
        if (value <= 0) {
            throw invalid(field, "must be a positive integer");
        }
        return value;
    }

    static String name(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
        return text(field, value);
    }

    /** An optional name: null stays null (the service stores no value). */
    static String optionalName(String field, String value) {
        return value == null ? null : text(field, value);
    }

    /** The request's one Idempotency-Key (a repeated header is refused: which copy would the filter have keyed?). */
    static String requestId(HttpServletRequest request) {
        List<String> keys = Collections.list(request.getHeaders(IDEMPOTENCY_KEY_HEADER));
        return requestId(keys.size() == 1 ? keys.get(0) : null);
    }

    static String requestId(String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_MISSING, null);
        }
        return idempotencyKey;
    }

    static long instantMillis(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(field, "must be an ISO-8601 instant in UTC, e.g. 2026-12-31T23:59:59Z");
        }
    }

    static long afterVersion(String value) {
        if (value == null) {
            return 0;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw invalid("afterVersion", "must be an integer >= 0");
        }
        return Long.parseLong(value);
    }

    static int pageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < 1 || Long.parseLong(value) > MAX_PAGE_SIZE) {
            throw invalid("pageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
        }
        return Integer.parseInt(value);
    }

    static ApiException missing(String field) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, "field '" + field + "' is required");
    }

    static ApiException invalid(String field, String rule) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, "field '" + field + "' " + rule);
    }

    private static String text(String field, String value) {
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw invalid(field, "must be 1 to " + MAX_NAME_LENGTH + " characters and not blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                throw invalid(field, "must not contain control, format or line-separator characters");
            }
        }
        return value;
    }
}
