package io.creditsuite.gateway.infrastructure.web.partner;

import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import java.util.Set;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/** Every malformed drawdown is a 4xx problem with a stable code and never reaches credit-service. */
class HostileInputTest {
    private final PartnerApiHarness api = new PartnerApiHarness();

    static Stream<Arguments> malformed_drawdowns() {
        return Stream.of(
                drawdown("over-precise amount", "\"amount\":\"1.005\"", "CS-6011", "amount"),
                drawdown("amount as a JSON number", "\"amount\":1000", "CS-6011", "amount"),
                drawdown("amount as a JSON float", "\"amount\":10.5", "CS-6011", "amount"),
                drawdown("negative amount", "\"amount\":\"-1\"", "CS-6011", "amount"),
                drawdown("zero amount", "\"amount\":\"0\"", "CS-6011", "amount"),
                drawdown("exponent", "\"amount\":\"1e3\"", "CS-6011", "amount"),
                drawdown("leading space", "\"amount\":\" 1\"", "CS-6011", "amount"),
                drawdown("plus sign", "\"amount\":\"+1\"", "CS-6011", "amount"),
                drawdown("hex", "\"amount\":\"0x10\"", "CS-6011", "amount"),
                drawdown("Arabic-Indic digits", "\"amount\":\"١٢\"", "CS-6011", "amount"),
                drawdown("overflowing amount", "\"amount\":\"92233720368547758.08\"", "CS-6011", "amount"),
                drawdown("missing amount", "\"amount\":null", "CS-6011", "amount"),
                drawdown("lower-case currency", "\"currency\":\"cny\"", "CS-6012", "currency"),
                drawdown("unsupported currency", "\"currency\":\"GBP\"", "CS-6012", "currency"),
                drawdown("missing customer", "\"customerId\":null", "CS-1000", "customerId"),
                drawdown("SQL in the customer id", "\"customerId\":\"C-1' OR '1'='1\"", "CS-1000", "customerId"),
                drawdown("newline in the line id", "\"lineId\":\"L-1\\nINFO forged log line\"", "CS-1000", "lineId"),
                drawdown("65-character customer id", "\"customerId\":\"" + "c".repeat(65) + "\"", "CS-1000", "customerId"),
                drawdown("node id as a string", "\"productNodeId\":\"42\"", "CS-1000", "productNodeId"),
                drawdown("node id zero", "\"productNodeId\":0", "CS-1000", "productNodeId"),
                drawdown("fractional node id", "\"productNodeId\":42.5", "CS-1000", "productNodeId"),
                drawdown("customer id as a number", "\"customerId\":17", "CS-1000", "customerId"),
                drawdown("underscore in a bank account", "\"payeeAccount\":\"6222_0001\"", "CS-1000", "payeeAccount"),
                drawdown("unknown field", "\"customerId\":\"C-1\",\"note\":\"x\"", "CS-1000", "note"));
    }

    private static Arguments drawdown(String name, String override, String code, String named) {
        String field = override.substring(1, override.indexOf('"', 1));
        String json = DRAWDOWN_FIELDS.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", override.replace("\\", "\\\\"));
        return Arguments.of(name, json, code, named);
    }

    private static final String DRAWDOWN_FIELDS = """
            {"customerId":"C-1","lineId":"L-1","productNodeId":42,"amount":"5000.00","currency":"CNY","payeeAccount":"6222020200112233"}""";

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed_drawdowns")
    void a_malformed_drawdown_is_a_problem_naming_the_field_and_reaches_no_service(String name, String json, String code,
                                                                                    String field) throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans", json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("'" + field + "'")))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("OR '1'"))));

        assertEquals(0, api.downstreamCalls(), name);
    }

    @ParameterizedTest(name = "body {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{", "[]", "null", "\"x\"", "{\"customerId\":\"C-1\",\"customerId\":\"C-2\"}",
            "{\"customerId\":\"C-1\"} {}", "{\"customerId\":\"C-1\"}garbage"})
    void a_body_that_is_not_one_well_formed_object_is_invalid(String body) throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans", body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void a_post_without_exactly_one_well_formed_idempotency_key_is_refused_before_the_service() throws Exception {
        api.mvc.perform(post("/api/v1/loans").contentType(MediaType.APPLICATION_JSON).content(DRAWDOWN_FIELDS)
                        .requestAttr(PartnerPrincipal.ATTRIBUTE, PartnerApiHarness.PARTNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-6006"));
        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN_FIELDS, "k".repeat(65)))
                .andExpect(jsonPath("$.code").value("CS-6006"));
        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN_FIELDS).header("Idempotency-Key", "idem-2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-6006"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void a_request_the_signature_filter_did_not_authenticate_is_401() throws Exception {
        api.mvc.perform(post("/api/v1/loans").contentType(MediaType.APPLICATION_JSON).content(DRAWDOWN_FIELDS)
                        .header("Idempotency-Key", "idem-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("CS-6001"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void a_key_without_the_operations_scope_is_403() throws Exception {
        PartnerPrincipal readOnly = new PartnerPrincipal("P-1", "k-ro", Set.of(PartnerScope.LOANS_READ));

        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN_FIELDS).requestAttr(PartnerPrincipal.ATTRIBUTE, readOnly))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CS-6005"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void a_body_in_another_media_type_is_refused() throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN_FIELDS).contentType(MediaType.TEXT_PLAIN))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(0, api.downstreamCalls());
    }
}
