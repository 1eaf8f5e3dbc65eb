package io.creditsuite.credit.application;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.support.requestid.RequestIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks at the edge of every use case, and the mapping of the domain's refusals to error codes. */
public final class Requests {
    /** Compiled once: {@code String.matches} compiles its pattern on every call (profiled on the hot path). */
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    static final int ID_MAX = 64;

    private Requests() {
    }

    public static String requireId(String value, String field) {
        if (value == null || value.isBlank() || value.length() > ID_MAX
                || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    field + " must be 1.." + ID_MAX + " printable characters without spaces, got '" + value + "'");
        }
        return value;
    }

    /**
     * A caller's request id: the characters {@link io.creditsuite.support.requestid.RequestIds} accepts, so it can
     * never take the form of the ids the service derives itself ({@code expire:<hold>}, {@code tcc-confirm:<hold>}).
     */
    public static String requireCallerRequestId(String value) {
        requireId(value, "requestId");
        if (!value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.')) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "requestId may hold only letters, digits, '-', '_' and '.', got '" + value + "'");
        }
        return value;
    }

    public static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, field + " must be 1.." + max + " characters");
        }
        return value;
    }

    public static long requirePositive(long amountMinor, String field) {
        if (amountMinor <= 0) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, field + " must be > 0, got " + amountMinor);
        }
        return amountMinor;
    }

    public static long requireNotNegative(long amountMinor, String field) {
        if (amountMinor < 0) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, field + " must be >= 0, got " + amountMinor);
        }
        return amountMinor;
    }

    /** cash + credit must not overflow: the whole order amount is recorded too. */
    public static void requireSum(long cashMinor, long creditMinor) {
        requireSum(cashMinor, "cash", creditMinor, "credit");
    }

    /** Two amounts that are added later (a whole order, fixed + temporary limit) must have a sum that fits. */
    public static void requireSum(long aMinor, String a, long bMinor, String b) {
        try {
            Math.addExact(aMinor, bMinor);
        } catch (ArithmeticException e) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, a + " " + aMinor + " + " + b + " " + bMinor + " overflows");
        }
    }

    /** The amount fields of a hold or use: cash >= 0, credit > 0, their sum fits, an ISO currency. */
    public static void requireOrderAmounts(long cashMinor, long creditMinor, String currency) {
        requireNotNegative(cashMinor, "cashMinor");
        requirePositive(creditMinor, "creditMinor");
        requireSum(cashMinor, creditMinor);
        requireCurrency(currency);
    }

    public static String requireCurrency(String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "currency must be an ISO 4217 code, got '" + currency + "'");
        }
        return currency;
    }

    public static void requireSameCurrency(String expected, String given, String what) {
        requireCurrency(given);
        if (!Objects.equals(expected, given)) {
            throw new ApiException(ErrorCode.CREDIT_CURRENCY_MISMATCH, what + " is in " + expected + ", the request in " + given);
        }
    }

    /** SHA-256 of the request's canonical text (records print every component in order). */
    public static String bodyHash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trace id column's width. */
    static final int TRACE_ID_MAX = 64;

    /**
     * A flow's trace id: the id of the request being served (set at the Dubbo or HTTP edge), or, when the provider
     * bean is called in-process and there is none, the operation's own request id (one that does not fit the
     * column, such as a derived {@code tcc-confirm:<hold>}, gets a fresh id instead). Never empty.
     */
    public static String traceId(String requestId) {
        String current = RequestIds.current();
        if (current != null && !current.isBlank()) {
            return current;
        }
        return requestId != null && !requestId.isBlank() && requestId.length() <= TRACE_ID_MAX ? requestId
                : RequestIds.acceptOrCreate(null);
    }

    public static ApiException toApi(LimitRejection rejection) {
        ErrorCode code = switch (rejection.reason()) {
            case LIMIT_INSUFFICIENT -> ErrorCode.LIMIT_INSUFFICIENT;
            case BALANCE_NEGATIVE -> ErrorCode.NOTHING_FROZEN;
            case USE_EXCEEDS_HOLD -> ErrorCode.USE_EXCEEDS_HOLD;
            case DISBURSE_EXCEEDS_IN_TRANSIT -> ErrorCode.DISBURSE_EXCEEDS_IN_TRANSIT;
            case RETURN_EXCEEDS_USED -> ErrorCode.RETURN_EXCEEDS_USED;
            case HOLD_EXPIRED -> ErrorCode.HOLD_EXPIRED;
            case LIMIT_BELOW_EXPOSURE -> ErrorCode.LIMIT_BELOW_EXPOSURE;
            case GRANT_EXCEEDS_PARENT -> ErrorCode.GRANT_EXCEEDS_PARENT;
            case AMOUNT_INVALID -> ErrorCode.AMOUNT_INVALID;
            case LINE_FROZEN -> ErrorCode.LINE_FROZEN;
            case LINE_CLEARED -> ErrorCode.LINE_CLEARED;
            case LINE_EXPIRED -> ErrorCode.LINE_EXPIRED;
            case HOLD_IN_GLOBAL_TRANSACTION -> ErrorCode.HOLD_IN_GLOBAL_TRANSACTION;
            case AMOUNT_OVERFLOW -> ErrorCode.CREDIT_AMOUNT_OVERFLOW;
        };
        return new ApiException(code, rejection.getMessage());
    }
}
