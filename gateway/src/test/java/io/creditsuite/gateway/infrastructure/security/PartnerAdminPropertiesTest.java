package io.creditsuite.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The prod profile names ${CREDIT_SUITE_OPERATOR_TOKEN} and ${CREDIT_SUITE_KEY_ENCRYPTION_KEY}: unset, start fails. */
class PartnerAdminPropertiesTest {
    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void a_token_of_16_characters_and_a_32_byte_key_are_accepted_and_never_printed() {
        PartnerAdminProperties properties = assertDoesNotThrow(() -> new PartnerAdminProperties("0123456789abcdef", KEK));

        assertFalse(properties.toString().contains("0123456789abcdef"));
        assertFalse(properties.toString().contains(KEK));
    }

    @Test
    void an_unresolved_environment_placeholder_is_not_a_token() {
        assertThrows(IllegalArgumentException.class,
                () -> new PartnerAdminProperties("${CREDIT_SUITE_OPERATOR_TOKEN}", KEK));
    }

    @Test
    void a_short_or_missing_token_and_a_key_of_another_length_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PartnerAdminProperties("short", KEK));
        assertThrows(IllegalArgumentException.class, () -> new PartnerAdminProperties(null, KEK));
        assertThrows(IllegalArgumentException.class, () -> new PartnerAdminProperties("0123456789abcdef",
                Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new PartnerAdminProperties("0123456789abcdef",
                "${CREDIT_SUITE_KEY_ENCRYPTION_KEY}"));
        assertThrows(IllegalArgumentException.class, () -> new PartnerAdminProperties("0123456789abcdef", null));
    }
}
