package io.creditsuite.approval.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {
    @ParameterizedTest(name = "ID card {0}: {1}")
    @CsvSource({
            "11010519491231002X, true",
            "440524188001010014, false",
            "110105194912310021, false",
            "11010519491331002X, false",
            "1101051949123100, false",
            "11010519491231002x, false",
            "AB0105194912310021, false",
    })
    void an_id_card_number_needs_its_birth_date_and_check_character(String number, boolean valid) {
        assertThat(IdentityNumbers.isValidIdCard(number)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "USCC {0}: {1}")
    @CsvSource({
            "91350100M000100Y43, true",
            "91350100M000100Y44, false",
            "91350100M000100I43, false",
            "91350100M000100Y4, false",
    })
    void a_social_credit_code_needs_its_check_character_from_the_31_letter_charset(String code, boolean valid) {
        assertThat(IdentityNumbers.isValidUscc(code)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "phone {0}: {1}")
    @CsvSource({"13800138000, true", "12800138000, false", "1380013800, false", "+8613800138000, false"})
    void a_mobile_phone_has_eleven_digits_starting_13_to_19(String phone, boolean valid) {
        assertThat(IdentityNumbers.isValidPhone(phone)).isEqualTo(valid);
    }
}
