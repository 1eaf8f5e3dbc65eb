package io.creditsuite.gateway.domain.money;

import java.math.BigDecimal;

/**
 * The one rule for amounts that cross the partner API: a decimal string at the currency's minor-unit scale,
 * converted to {@code long} minor units exactly, never rounded.
 *
 * <p>Grammar (ASCII only): {@code (0|[1-9][0-9]*)(\.[0-9]{1,d})?} where {@code d = unit.minorDigits()}; for
 * {@code d = 0} no decimal point at all. Signs, exponents, spaces, hex, leading zeros, other digit scripts
 * ({@code "١٢"}) and more fraction digits than {@code d} (even {@code "1.500"} in CNY) are {@code MALFORMED}.
 *
 * <p>Guarantees, for a text {@code t} the grammar accepts, with {@code v} its decimal value:
 * <ul>
 *   <li>{@code parsePositive(t, u) = m} such that {@code m = v * 10^d} exactly (an integer, as {@code v} has at
 *       most {@code d} fraction digits) and {@code 0 < m <= Long.MAX_VALUE}; otherwise MALFORMED.</li>
 *   <li>{@code parseNonNegative(t, u)} the same with {@code 0 <= m}.</li>
 *   <li>{@code format(m, u)} is the plain decimal of {@code m / 10^d} with exactly {@code d} fraction digits, for
 *       every {@code long m}, and {@code parsePositive(format(m, u), u) = m} for every {@code m > 0}.</li>
 * </ul>
 */
public final class DecimalAmount {
    /** Long.MAX_VALUE has 19 digits; with a point and 4 fraction digits no valid text is longer than 24. */
    private static final int MAX_LENGTH = 24;

    private DecimalAmount() {
    }

    public static long parsePositive(String text, CurrencyUnit unit) {
        long minor = parseNonNegative(text, unit);
        if (minor == 0) {
            throw malformed("must be greater than zero");
        }
        return minor;
    }

    public static long parseNonNegative(String text, CurrencyUnit unit) {
        if (text == null) {
            throw malformed("is required");
        }
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw malformed("must be a decimal string of 1 to " + MAX_LENGTH + " characters");
        }
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        requireDigits(whole, "must start with a digit and contain only the digits 0-9 and one '.'");
        if (whole.length() > 1 && whole.charAt(0) == '0') {
            throw malformed("must not have leading zeros");
        }
        if (point >= 0) {
            if (unit.minorDigits() == 0) {
                throw malformed("must be a whole number in " + unit.code() + ", which has no minor unit");
            }
            requireDigits(fraction, "must have 1 to " + unit.minorDigits() + " digits after the '.'");
            if (fraction.length() > unit.minorDigits()) {
                throw malformed("has more than " + unit.minorDigits() + " digits after the '.' for "
                        + unit.code() + "; amounts are never rounded");
            }
        }
        try {
            long minor = 0;
            for (int i = 0; i < whole.length(); i++) {
                minor = Math.addExact(Math.multiplyExact(minor, 10), whole.charAt(i) - '0');
            }
            for (int i = 0; i < unit.minorDigits(); i++) {
                int digit = i < fraction.length() ? fraction.charAt(i) - '0' : 0;
                minor = Math.addExact(Math.multiplyExact(minor, 10), digit);
            }
            return minor;
        } catch (ArithmeticException e) {
            throw malformed("exceeds the largest amount the suite can hold");
        }
    }

    public static String format(long minor, CurrencyUnit unit) {
        return BigDecimal.valueOf(minor, unit.minorDigits()).toPlainString();
    }

    private static void requireDigits(String part, String rule) {
        if (part.isEmpty()) {
            throw malformed(rule);
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(rule);
            }
        }
    }

    private static AmountRejected malformed(String rule) {
        return new AmountRejected(AmountRejected.Reason.MALFORMED, "the amount " + rule);
    }
}
