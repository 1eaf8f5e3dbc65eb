package io.creditsuite.gateway.infrastructure.web.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerInputTest {
    @ParameterizedTest
    @ValueSource(strings = {"C-1", "cust_0001", "a.b:c-d", "X", "0123456789012345678901234567890123456789012345678901234567890123"})
    void an_id_of_safe_characters_up_to_64_long_is_accepted(String id) {
        assertEquals(id, PartnerInput.id("customerId", id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C 1", "C-1'", "C-1\"", "C-1;DROP TABLE", "C-1\n", "C-1\r\nX-Injected: 1", "C-1\u0000",
            "C/1", "C%201", "Ｃ-1", "é", "01234567890123456789012345678901234567890123456789012345678901234"})
    void an_id_with_another_character_or_over_64_long_is_invalid(String id) {
        ApiException e = assertThrows(ApiException.class, () -> PartnerInput.id("customerId", id));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertEquals("field 'customerId' must be 1 to 64 characters of A-Z a-z 0-9 _ . : -", e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6222020200112233", "GB29-NWBK-6016", "a"})
    void a_bank_account_of_letters_digits_and_dashes_is_accepted(String account) {
        assertEquals(account, PartnerInput.account("payeeAccount", account));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6222.0001", "6222_0001", "6222:1", "6222 0001", "6222'", "x\n"})
    void a_bank_account_with_other_characters_is_invalid(String account) {
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(ApiException.class, () -> PartnerInput.account("payeeAccount", account)).errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "key with space", "k\u00e9y", "tab\tkey"})
    void an_idempotency_key_must_be_1_to_64_printable_ascii_characters(String key) {
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_MISSING,
                assertThrows(ApiException.class, () -> PartnerInput.requestId(key)).errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u2028b", "a\u202Eb", "a\u0007b"})
    void a_name_with_control_format_or_line_separator_characters_is_invalid(String name) {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(ApiException.class, () -> PartnerInput.name("name", name)).errorCode());
    }
}
