package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as reviewers read and type them (major units, "250000.00") against the suite's long minor units: exact,
 * never through a double. A typed amount with more decimals than its currency has, zero, negative or beyond a long is
 * refused (AMOUNT_INVALID), never rounded.
 */
public final class MinorUnits {
    private MinorUnits() {
    }

    public static String format(long minor, String currency) {
        int digits = fractionDigits(currency);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(minor, digits)) + " " + currency;
    }

    /** The plain major-unit text of an amount, as an input field holds it ("250000.00"). */
    public static String plain(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    public static long parse(String major, String currency) {
        String text = major == null ? "" : major.strip().replace(",", "");
        if (!text.matches("\\d{1,19}(\\.\\d{1,9})?")) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, "amount must be a positive decimal number, not '"
                    + abbreviate(major) + "'");
        }
        BigDecimal value = new BigDecimal(text);
        int digits = fractionDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, currency + " has " + digits + " decimals; " + text
                    + " has more");
        }
        BigDecimal minor = value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
        if (minor.signum() <= 0 || minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ApiException(ErrorCode.AMOUNT_INVALID, "amount must be above zero and fit the ledger: " + text);
        }
        return minor.longValueExact();
    }

    private static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 32 ? text.substring(0, 32) + "..." : text;
    }
}
