package io.creditsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.ping.GatewayPingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway alone on the real middleware: besides the contract of every service, it reports
 * the services it cannot reach (none run in this JVM) and turns bad requests into problem+json
 * with stable codes. The whole suite is exercised by deploy/devstack's system tests.
 */
// its context stays cached in the failsafe JVM: a running callback consumer (same group) and dispatcher here would
// take CallbackDeliveryIT's events; that IT runs the whole gateway with them
@TestPropertySource(properties = "credit-suite.gateway.callbacks.enabled=false")
class GatewayIT extends ServiceContractIT {
    GatewayIT() {
        super("gateway", GatewayPingService.class, "mq_consumed", "partner", "partner_key", "partner_nonce",
                "idempotency_record", "callback_delivery");
    }

    @Test
    void the_suite_ping_names_every_service_it_cannot_reach_and_echoes_the_request_id() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/system/ping").header("X-Request-Id", "it-ping-1"));

        assertEquals(503, response.statusCode());
        assertEquals("it-ping-1", response.headers().firstValue("X-Request-Id").orElseThrow());
        String body = response.body();
        assertTrue(body.contains("\"status\":\"DOWN\""), body);
        for (String service : List.of("credit-service", "account-service", "approval-service", "reconcile-service")) {
            assertTrue(body.matches("(?s).*\"unreachable\":\\[[^]]*\"" + service + "\".*"), service + " not named in " + body);
        }
        assertTrue(body.contains("\"requestId\":\"it-ping-1\""), body);
    }

    @Test
    void a_malformed_probe_request_gets_a_problem_with_a_stable_code_and_reaches_no_service() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/system/probes/tcc")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"EXPLODE\"}")));

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"code\":\"CS-1000\""), response.body());
        assertTrue(response.body().contains("COMMIT"), "the message should list the valid scenarios: " + response.body());
    }

    @Test
    void an_unsafe_probe_id_is_rejected() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/system/probes/mq/bad%20id"));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"CS-1000\""), response.body());
    }

    @Test
    void an_unknown_path_is_a_not_found_problem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/system/nothing-here"));

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"CS-1003\""), response.body());
    }

    @Test
    void an_unsigned_request_to_the_partner_api_is_refused_before_any_routing() throws Exception {
        // the signature filter answers first, so an unsigned caller cannot map which partner endpoints exist
        HttpResponse<String> response = send(request("/api/v1/nothing-here"));

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"CS-6001\""), response.body());
    }

    @Test
    void a_service_that_is_down_is_a_downstream_problem_not_a_stack_trace() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/system/probes/tcc")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"COMMIT\"}")));

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"CS-1004\""), response.body());
        assertTrue(!response.body().contains("Exception"), response.body());
    }

    @Test
    void the_whole_gateway_serves_the_committed_partner_api_document_and_refuses_an_unauthenticated_partner_call()
            throws Exception {
        HttpResponse<String> document = send(request("/v3/api-docs"));
        assertEquals(200, document.statusCode());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Files.readString(Path.of("src/main/resources/openapi/partner-api.json"))),
                json.readTree(document.body()), "regenerate the copy: see PartnerOpenApiDocumentTest");

        HttpResponse<String> loan = send(request("/api/v1/loans/LN-1"));
        assertEquals(401, loan.statusCode(), loan.body());
        assertTrue(loan.body().contains("\"code\":\"CS-6001\""), loan.body());
    }
}
