package io.creditsuite.gateway.domain.money;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The currencies partners may name (configured; e.g. CNY, USD, EUR, HKD, JPY).
 *
 * <p>Guarantee: {@code resolve(c)} returns a unit iff {@code c} is, character for character, one of the configured
 * ISO 4217 codes; {@code "cny"}, {@code " CNY"} and unconfigured codes are {@code CURRENCY_UNKNOWN}.
 */
public final class SupportedCurrencies {
    private final Map<String, CurrencyUnit> units = new TreeMap<>();

    public SupportedCurrencies(Collection<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("at least one currency must be supported");
        }
        for (String code : codes) {
            units.put(code, CurrencyUnit.iso(code));
        }
    }

    public CurrencyUnit resolve(String code) {
        if (code == null) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN, "currency is required");
        }
        CurrencyUnit unit = units.get(code);
        if (unit == null) {
            throw new AmountRejected(AmountRejected.Reason.CURRENCY_UNKNOWN,
                    "the currency must be one of " + units.keySet() + " (upper case)");
        }
        return unit;
    }

    public Collection<String> codes() {
        return units.keySet();
    }
}
