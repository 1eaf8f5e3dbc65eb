package io.creditsuite.gateway.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalAmountTest {
    private static final SupportedCurrencies CURRENCIES = new SupportedCurrencies(List.of("CNY", "USD", "EUR", "HKD", "JPY"));

    @ParameterizedTest(name = "{0} {1} = {2} minor units")
    @CsvSource({
            "1.5,    CNY, 150",
            "1.50,   CNY, 150",
            "1,      CNY, 100",
            "0.01,   CNY, 1",
            "0.1,    USD, 10",
            "123.45, EUR, 12345",
            "100,    JPY, 100",
            "92233720368547758.07, CNY, 9223372036854775807",
            "9223372036854775807,  JPY, 9223372036854775807"})
    void a_well_formed_amount_is_read_exactly_at_the_currency_scale(String text, String currency, long minor) {
        assertEquals(minor, DecimalAmount.parsePositive(text, CURRENCIES.resolve(currency)));
    }

    @ParameterizedTest(name = "\"{0}\" in CNY is malformed")
    @ValueSource(strings = {"1.005", "1.500", "-1", "0", "0.00", "1e3", "1E3", " 1", "1 ", "+1", "0x10", "١٢", "１",
            "", ".5", "1.", "1..2", "01", "00.5", "1,5", "NaN", "Infinity", "92233720368547758.08",
            "99999999999999999999", "1.0\n", "1_000"})
    void an_amount_that_is_not_exactly_a_positive_decimal_at_the_scale_is_malformed_and_never_rounded(String text) {
        AmountRejected rejected = assertThrows(AmountRejected.class,
                () -> DecimalAmount.parsePositive(text, CURRENCIES.resolve("CNY")));
        assertEquals(AmountRejected.Reason.MALFORMED, rejected.reason());
    }

    @Test
    void a_missing_or_overlong_amount_is_malformed() {
        assertEquals(AmountRejected.Reason.MALFORMED, assertThrows(AmountRejected.class,
                () -> DecimalAmount.parsePositive(null, CURRENCIES.resolve("CNY"))).reason());
        assertEquals(AmountRejected.Reason.MALFORMED, assertThrows(AmountRejected.class,
                () -> DecimalAmount.parsePositive("1".repeat(1_000_000), CURRENCIES.resolve("CNY"))).reason());
    }

    @Test
    void a_currency_without_minor_unit_takes_no_decimal_point() {
        assertEquals(AmountRejected.Reason.MALFORMED, assertThrows(AmountRejected.class,
                () -> DecimalAmount.parsePositive("100.0", CURRENCIES.resolve("JPY"))).reason());
    }

    @Test
    void zero_is_allowed_only_where_the_rule_says_non_negative() {
        assertEquals(0, DecimalAmount.parseNonNegative("0", CURRENCIES.resolve("CNY")));
        assertEquals(0, DecimalAmount.parseNonNegative("0.00", CURRENCIES.resolve("CNY")));
        assertThrows(AmountRejected.class, () -> DecimalAmount.parseNonNegative("-0", CURRENCIES.resolve("CNY")));
    }

    @ParameterizedTest(name = "currency \"{0}\" is unknown")
    @ValueSource(strings = {"cny", "Cny", " CNY", "CNY ", "GBP", "XAU", "ZZZ", "CN", "CNYY", "", "ＣＮＹ"})
    void an_unsupported_or_misspelt_currency_is_unknown(String code) {
        assertEquals(AmountRejected.Reason.CURRENCY_UNKNOWN,
                assertThrows(AmountRejected.class, () -> CURRENCIES.resolve(code)).reason());
    }

    @Test
    void a_configured_code_without_a_minor_unit_is_refused_at_start() {
        assertThrows(AmountRejected.class, () -> new SupportedCurrencies(List.of("XAU")));
        assertThrows(AmountRejected.class, () -> new SupportedCurrencies(List.of("cny")));
    }

    @ParameterizedTest(name = "{0} minor units of {1} read {2}")
    @CsvSource({"150, CNY, 1.50", "1, CNY, 0.01", "0, CNY, 0.00", "-5, CNY, -0.05", "100, JPY, 100",
            "9223372036854775807, CNY, 92233720368547758.07", "-9223372036854775808, USD, -92233720368547758.08"})
    void formatting_writes_exactly_the_currency_digits(long minor, String currency, String text) {
        assertEquals(text, DecimalAmount.format(minor, CURRENCIES.resolve(currency)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 9, 10, 99, 100, 12345, 1_000_000_007L, Long.MAX_VALUE - 1, Long.MAX_VALUE})
    void a_formatted_positive_amount_reads_back_to_the_same_minor_units(long minor) {
        for (String currency : CURRENCIES.codes()) {
            CurrencyUnit unit = CURRENCIES.resolve(currency);
            assertEquals(minor, DecimalAmount.parsePositive(DecimalAmount.format(minor, unit), unit), currency);
        }
    }
}
