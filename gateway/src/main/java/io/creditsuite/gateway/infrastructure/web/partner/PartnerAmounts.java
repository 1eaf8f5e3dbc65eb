package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.money.AmountRejected;
import io.creditsuite.gateway.domain.money.CurrencyUnit;
import io.creditsuite.gateway.domain.money.DecimalAmount;
import io.creditsuite.gateway.domain.money.SupportedCurrencies;

/**
 * Applies {@link DecimalAmount} and {@link SupportedCurrencies} to request fields and names the field in the
 * error: CS-6011 AMOUNT_MALFORMED for an amount, CS-6012 CURRENCY_UNKNOWN for a currency.
 */
public final class PartnerAmounts {
    private final SupportedCurrencies currencies;

    public PartnerAmounts(SupportedCurrencies currencies) {
        this.currencies = currencies;
    }

    CurrencyUnit currency(String field, String code) {
        try {
            return currencies.resolve(code);
        } catch (AmountRejected e) {
            throw rejected(field, e);
        }
    }

    long positive(String field, String text, CurrencyUnit unit) {
        try {
            return DecimalAmount.parsePositive(text, unit);
        } catch (AmountRejected e) {
            throw rejected(field, e);
        }
    }

    long nonNegative(String field, String text, CurrencyUnit unit) {
        try {
            return DecimalAmount.parseNonNegative(text, unit);
        } catch (AmountRejected e) {
            throw rejected(field, e);
        }
    }

    private static ApiException rejected(String field, AmountRejected e) {
        ErrorCode code = e.reason() == AmountRejected.Reason.CURRENCY_UNKNOWN
                ? ErrorCode.CURRENCY_UNKNOWN : ErrorCode.AMOUNT_MALFORMED;
        return new ApiException(code, "field '" + field + "': " + e.getMessage());
    }
}
