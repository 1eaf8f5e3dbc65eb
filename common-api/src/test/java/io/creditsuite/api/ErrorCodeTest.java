package io.creditsuite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.api.error.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void no_two_error_codes_share_a_code() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());
        assertEquals(ErrorCode.values().length, codes.size());
    }

    @Test
    void every_code_has_the_published_shape_and_an_http_error_status() {
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(c.code().matches("CS-[1-9]\\d{3}"), c + " has code " + c.code());
            assertTrue(c.httpStatus() >= 400 && c.httpStatus() <= 599, c + " has status " + c.httpStatus());
            assertTrue(!c.message().isBlank(), c + " has no message");
        }
    }
}
