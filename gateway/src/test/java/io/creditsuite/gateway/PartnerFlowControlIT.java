package io.creditsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import io.creditsuite.gateway.infrastructure.flow.FlowLimits;
import io.creditsuite.gateway.infrastructure.flow.FlowLimitsSource;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import io.creditsuite.support.resilience.SentinelRules;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The partner API's flow control on the real gateway: a partner key, a customer or an endpoint over its limit is 429
 * CS-1005 with Retry-After, while another key, customer or endpoint still passes; a refused request reaches no
 * controller and claims no Idempotency-Key. Limits of 0 and a request held in a controller by a latch make every
 * refusal certain, whatever the machine's speed.
 */
class PartnerFlowControlIT extends PartnerEdgeITSupport {
    @Autowired
    FlowLimitsSource limits;

    private void limit(FlowLimits testLimits) {
        SentinelRules.flow("partner-api", testLimits.flowRules());
        ParamFlowRuleManager.loadRules(testLimits.paramRules());
    }

    @AfterEach
    void shippedLimitsAgain() {
        limit(limits.inForce());
    }

    @Test
    void a_partner_key_over_its_limit_is_429_with_retry_after_and_another_key_still_passes() throws Exception {
        PartnerClient other = anotherPartnersClient();
        limit(new FlowLimits(1000, Map.of(keyId, 0.0), 1000, Map.of(), 1000, Map.of()));
        int executions = echo.executions.get();
        String key = "k-" + UUID.randomUUID();

        PartnerResponse refused = client.post("/api/v1/test-echo", "{\"n\":1}", key);
        assertProblem(refused, 429, "CS-1005");
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(refused.json().path("detail").asText()).contains("partner key " + keyId);
        assertEquals(executions, echo.executions.get(), "no controller ran");
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE partner_id = ?", partnerId));

        assertEquals(201, other.post("/api/v1/test-echo", "{\"n\":1}", "k-" + UUID.randomUUID()).status());
        limit(limits.inForce());
        assertEquals(201, client.post("/api/v1/test-echo", "{\"n\":1}", key).status(), "the key is fresh: a new request");
    }

    @Test
    void a_hot_customer_is_refused_while_the_partners_other_customers_pass() {
        limit(new FlowLimits(1000, Map.of(), 1000, Map.of("hot-customer", 0), 1000, Map.of()));
        PartnerResponse hot = client.post("/api/v1/test-echo", "{\"customerId\":\"hot-customer\"}",
                "k-" + UUID.randomUUID());
        assertProblem(hot, 429, "CS-1005");
        assertThat(hot.json().path("detail").asText()).contains("customer hot-customer");
        assertEquals(201, client.post("/api/v1/test-echo", "{\"customerId\":\"calm-customer\"}",
                "k-" + UUID.randomUUID()).status());
    }

    @Test
    void a_hot_funding_account_is_refused_while_another_lenders_partners_pass() throws Exception {
        PartnerClient other = anotherPartnersClient();
        String hot = Long.toString(fundingAccountOf(partnerId).getAsLong());
        limit(new FlowLimits(1000, Map.of(), 1000, Map.of(), 1000, Map.of(), 1000.0, Map.of(hot, 0)));
        int executions = echo.executions.get();

        PartnerResponse refused = client.post("/api/v1/test-echo", "{\"n\":1}", "k-" + UUID.randomUUID());
        assertProblem(refused, 429, "CS-1005");
        assertThat(refused.json().path("detail").asText()).contains("funding account " + hot);
        assertEquals(executions, echo.executions.get(), "no controller ran");
        assertEquals(201, other.post("/api/v1/test-echo", "{\"n\":1}", "k-" + UUID.randomUUID()).status());
    }

    @Test
    void an_endpoint_at_its_concurrency_limit_refuses_the_next_request_and_serves_the_others() throws Exception {
        limit(new FlowLimits(1000, Map.of(), 1000, Map.of(), 1000, Map.of("POST /api/v1/test-echo/*", 1)));
        echo.arm();
        CompletableFuture<PartnerResponse> first = CompletableFuture.supplyAsync(
                () -> client.post("/api/v1/test-echo/slow", "{\"n\":1}", "k-" + UUID.randomUUID()));
        try {
            assertTrue(echo.entered.await(20, TimeUnit.SECONDS), "the first request is in progress");
            PartnerResponse second = client.post("/api/v1/test-echo/slow", "{\"n\":2}", "k-" + UUID.randomUUID());
            assertProblem(second, 429, "CS-1005");
            assertThat(second.json().path("detail").asText()).contains("POST /api/v1/test-echo/* has as many requests");
            assertEquals(201, client.post("/api/v1/test-echo", "{\"n\":3}", "k-" + UUID.randomUUID()).status());
        } finally {
            echo.release.countDown();
        }
        assertEquals(201, first.get(20, TimeUnit.SECONDS).status());
    }

    private PartnerClient anotherPartnersClient() throws Exception {
        String other = "p-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, ops("POST", "/ops/v1/partners", "{\"partnerId\":\"" + other
                + "\",\"name\":\"Other Bank\",\"scopes\":[\"LOANS_WRITE\"]}").statusCode());
        var key = JSON.readTree(ops("POST", "/ops/v1/partners/" + other + "/keys", "").body());
        return new PartnerClient(base(), key.path("keyId").asText(), key.path("secret").asText(), Clock.systemUTC());
    }
}
