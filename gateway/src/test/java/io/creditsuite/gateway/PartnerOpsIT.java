package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.partnerclient.PartnerClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Operator endpoints, the two-key limit, and secrets kept out of logs, responses and clear storage. */
class PartnerOpsIT extends PartnerEdgeITSupport {
    // --- operator endpoints and secrets -------------------------------------------------------------------------

    @Test
    void operator_endpoints_need_the_token_and_allow_two_active_keys() throws Exception {
        assertProblem(raw(request("/ops/v1/partners/" + partnerId).GET()), 401, "CS-6013");
        assertProblem(raw(request("/ops/v1/partners/" + partnerId).header("X-Operator-Token", "wrong-token-wrong-token").GET()),
                401, "CS-6013");

        assertEquals(201, ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "").statusCode(), "the second key");
        HttpResponse<String> third = ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "");
        assertEquals(409, third.statusCode());
        assertTrue(third.body().contains("\"code\":\"CS-6015\""), third.body());

        HttpResponse<String> again = ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Demo Bank\",\"scopes\":[\"LOANS_READ\",\"LOANS_WRITE\"]}");
        assertEquals(200, again.statusCode(), "creating the same partner again is idempotent: " + again.body());
        HttpResponse<String> other = ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + partnerId
                + "\",\"name\":\"Other Bank\",\"scopes\":[\"LOANS_READ\"]}");
        assertEquals(409, other.statusCode(), other.body());
    }

    @Test
    void secrets_appear_in_no_log_line_no_get_response_and_not_in_clear_in_the_database(CapturedOutput output)
            throws Exception {
        client.post("/api/v1/test-echo", "{\"n\":1}", "k-" + UUID.randomUUID());
        new PartnerClient(base(), keyId, secret + "x", Clock.systemUTC()).get("/api/v1/test-echo", List.of());
        HttpResponse<String> issued = ops("POST", "/ops/v1/partners/" + partnerId + "/keys", "");
        String secondSecret = JSON.readTree(issued.body()).path("secret").asText();
        HttpResponse<String> view = ops("GET", "/ops/v1/partners/" + partnerId, null);

        assertEquals(200, view.statusCode());
        assertTrue(view.body().contains(keyId), view.body());
        for (String s : List.of(secret, secondSecret)) {
            assertFalse(view.body().contains(s), "GET returned a secret");
            assertFalse(output.getAll().contains(s), "a secret reached the log");
            assertEquals(0, count("SELECT COUNT(*) FROM partner_key WHERE INSTR(secret_enc, ?) > 0",
                    s.getBytes(StandardCharsets.UTF_8)), "a secret stored in clear");
        }
        assertTrue(output.getAll().contains("partner signature refused"), "the log was captured at all");
    }

}
