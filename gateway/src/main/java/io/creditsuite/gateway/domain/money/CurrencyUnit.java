package io.creditsuite.gateway.domain.money;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency and the number of minor digits its amounts carry (CNY 2: 1 yuan = 100 fen; JPY 0).
 *
 * <p>Guarantees: {@code code} matches {@code [A-Z]{3}}; {@code 0 <= minorDigits <= 4}; {@code minorDigits =
 * Currency.getInstance(code).getDefaultFractionDigits()} for a unit made by {@link #iso(String)}.
 */
public record CurrencyUnit(String code, int minorDigits) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final int MAX_MINOR_DIGITS = 4;

    public CurrencyUnit {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN, "a currency is three upper-case letters");
        }
        if (minorDigits < 0 || minorDigits > MAX_MINOR_DIGITS) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN, code + " has no usable minor unit");
        }
    }

    /**
     * The unit of an ISO 4217 code as the JDK knows it. Codes without a minor unit (XAU, XXX: digits -1) are
     * rejected: an amount in them has no exact scale.
     */
    public static CurrencyUnit iso(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN,
                    "a currency is an ISO 4217 code of three upper-case letters, e.g. CNY");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN, code + " is not an ISO 4217 code");
        }
        return new CurrencyUnit(code, currency.getDefaultFractionDigits());
    }
}
