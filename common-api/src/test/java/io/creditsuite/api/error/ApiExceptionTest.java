package io.creditsuite.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void an_echoed_line_break_cannot_forge_a_log_line() {
        ApiException e = new ApiException(ErrorCode.INVALID_ARGUMENT, "got 'a\r\nFORGED INFO ok\u0007'");

        assertEquals("got 'a\\r\\nFORGED INFO ok\\u0007'", e.detail());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"));
        assertTrue(e.getMessage().endsWith(e.detail()));
    }

    @Test
    void a_huge_echoed_input_is_cut_and_says_how_long_it_was() {
        ApiException e = new ApiException(ErrorCode.INVALID_ARGUMENT, "got '" + "x".repeat(100_000) + "'");

        assertTrue(e.detail().length() < ApiException.DETAIL_MAX + 40, e.detail());
        assertTrue(e.detail().endsWith("... (100006 characters)"), e.detail());
        String exactlyMax = "x".repeat(ApiException.DETAIL_MAX);
        assertEquals(exactlyMax, new ApiException(ErrorCode.NOT_FOUND, exactlyMax).detail());
        assertNull(new ApiException(ErrorCode.NOT_FOUND, null).detail());
    }
}
