package io.creditsuite.support.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void a_well_formed_id_from_the_caller_is_kept() {
        assertEquals("partner-42.retry_1", RequestIds.acceptOrCreate("partner-42.retry_1"));
    }

    @Test
    void without_an_id_and_without_the_agent_a_fresh_one_is_made() {
        String id = RequestIds.acceptOrCreate(null);

        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertNotEquals(id, RequestIds.acceptOrCreate(null));
    }

    @Test
    void an_id_that_could_forge_log_lines_or_headers_is_replaced_not_echoed() {
        String forged = "abc\r\nX-Admin: true";

        String id = RequestIds.acceptOrCreate(forged);

        assertNotEquals(forged, id);
        assertTrue(id.matches("[0-9a-f]{32}"), id);
    }

    @Test
    void an_overlong_id_is_replaced_rather_than_truncated_into_a_collision() {
        String longId = "a".repeat(RequestIds.MAX_LENGTH + 1);

        assertTrue(RequestIds.acceptOrCreate(longId).matches("[0-9a-f]{32}"));
        assertEquals("a".repeat(RequestIds.MAX_LENGTH), RequestIds.acceptOrCreate("a".repeat(RequestIds.MAX_LENGTH)));
    }
}
