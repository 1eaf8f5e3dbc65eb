package io.creditsuite.credit.application;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.math.BigDecimal;

/** Annual rates: decimal strings in [0, 1) with at most 6 decimals, parsed exactly, never rounded. */
final class Rates {
    private Rates() {
    }

    static BigDecimal parse(String text) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(text == null ? "" : text);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "rate '" + text + "' is not a decimal number");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0 || rate.stripTrailingZeros().scale() > 6) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "rate " + text + " must be in [0, 1) with at most 6 decimals");
        }
        return rate.setScale(6);
    }
}
