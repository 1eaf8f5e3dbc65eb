package io.creditsuite.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = new SecretCipher(new byte[32]);

    @Test
    void a_secret_decrypts_under_its_own_key_id() {
        assertEquals("cs1s_secret", cipher.decrypt("ck_1", cipher.encrypt("ck_1", "cs1s_secret")));
    }

    @Test
    void the_stored_bytes_do_not_contain_the_secret_and_differ_each_time() {
        byte[] a = cipher.encrypt("ck_1", "cs1s_secret");
        byte[] b = cipher.encrypt("ck_1", "cs1s_secret");

        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("cs1s_secret"));
        assertFalse(Arrays.equals(a, b), "a fresh iv each time");
    }

    @Test
    void a_secret_moved_to_another_key_row_or_tampered_with_does_not_decrypt() {
        byte[] stored = cipher.encrypt("ck_1", "cs1s_secret");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("ck_2", stored));

        stored[stored.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("ck_1", stored));
    }

    @Test
    void another_master_key_cannot_read_it() {
        byte[] other = new byte[32];
        other[0] = 1;
        byte[] stored = cipher.encrypt("ck_1", "cs1s_secret");

        assertThrows(IllegalStateException.class, () -> new SecretCipher(other).decrypt("ck_1", stored));
    }
}
