package io.creditsuite.gateway.infrastructure.web.partner;

import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedGet;
import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerAndHoldControllerTest {
    private final PartnerApiHarness api = new PartnerApiHarness();

    @Test
    void onboarding_passes_the_key_the_partner_and_the_fields_and_answers_201() throws Exception {
        api.mvc.perform(signedPost("/api/v1/customers", "{\"partnerCustomerRef\":\"ref-1\",\"name\":\"张三\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/customers/C-1"))
                .andExpect(jsonPath("$.customerId").value("C-1"))
                .andExpect(jsonPath("$.name").value("张三"))
                .andExpect(jsonPath("$.onboardedAt").value("2026-12-02T08:31:00.120Z"));

        assertEquals(new OnboardCustomerRequest("idem-1", "P-1", "ref-1", "张三", null), api.customers.calls.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"partnerCustomerRef\":\"ref-1\",\"name\":\"a\\nb\"}", "{\"partnerCustomerRef\":\"ref-1\",\"name\":\"  \"}",
            "{\"partnerCustomerRef\":\"ref 1\",\"name\":\"a\"}", "{\"name\":\"a\"}",
            "{\"partnerCustomerRef\":\"ref-1\",\"name\":\"a\",\"department\":\"\\u0000\"}"})
    void a_malformed_customer_is_refused_before_the_service(String body) throws Exception {
        api.mvc.perform(signedPost("/api/v1/customers", body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void another_partners_customer_is_not_found_like_an_unknown_one() throws Exception {
        PartnerPrincipal other = new PartnerPrincipal("P-2", "k-2", EnumSet.allOf(PartnerScope.class));

        api.mvc.perform(signedGet("/api/v1/customers/C-1").requestAttr(PartnerPrincipal.ATTRIBUTE, other))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CS-2001"));
        assertEquals(List.of("P-2", "C-1"), api.customers.calls.get(0));
    }

    @Test
    void the_limit_tree_is_grouped_by_line_with_every_balance_as_a_decimal_string() throws Exception {
        api.mvc.perform(signedGet("/api/v1/customers/C-1/limits"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].lineId").value("L-1"))
                .andExpect(jsonPath("$.lines[0].nodes.length()").value(2))
                .andExpect(jsonPath("$.lines[0].nodes[1].nodeId").value(42))
                .andExpect(jsonPath("$.lines[0].nodes[1].usageParentIds[0]").value(7))
                .andExpect(jsonPath("$.lines[0].nodes[1].limit").value("50000.00"))
                .andExpect(jsonPath("$.lines[0].nodes[1].used").value("5000.00"))
                .andExpect(jsonPath("$.lines[0].nodes[1].inTransit").value("0.00"))
                .andExpect(jsonPath("$.lines[0].nodes[1].inUse").value("5000.00"))
                .andExpect(jsonPath("$.lines[0].nodes[1].frozen").value("300.00"))
                .andExpect(jsonPath("$.lines[0].nodes[1].available").value("44700.00"))
                .andExpect(jsonPath("$.lines[1].lineId").value("L-2"));
    }

    @Test
    void the_statement_pages_with_defaults_and_passes_the_cursor() throws Exception {
        api.mvc.perform(signedGet("/api/v1/customers/C-1/statement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].amount").value("5000.00"))
                .andExpect(jsonPath("$.entries[0].balanceAfter").value("5000.00"))
                .andExpect(jsonPath("$.nextAfterVersion").isEmpty());
        api.mvc.perform(signedGet("/api/v1/customers/C-1/statement?afterVersion=30&pageSize=100"))
                .andExpect(status().isOk());

        assertEquals(List.of(List.of("P-1", "C-1", 0L, 20), List.of("P-1", "C-1", 30L, 100)), api.customers.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pageSize=0", "pageSize=101", "pageSize=abc", "pageSize=-1", "afterVersion=-1",
            "afterVersion=1e3", "afterVersion=99999999999999999999"})
    void a_bad_page_request_is_refused_before_the_service(String query) throws Exception {
        api.mvc.perform(signedGet("/api/v1/customers/C-1/statement?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void a_hold_is_frozen_with_its_expiry_then_captured_and_released() throws Exception {
        api.mvc.perform(signedPost("/api/v1/holds", """
                        {"customerId":"C-1","lineId":"L-1","nodeId":42,"amount":"300","currency":"JPY","expiresAt":"2026-12-31T23:59:59Z"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/holds/H-1"))
                .andExpect(jsonPath("$.holdId").value("H-1"))
                .andExpect(jsonPath("$.outcome").value("ACCEPTED"));
        api.mvc.perform(signedPost("/api/v1/holds/H-1/capture", "{\"amount\":\"120\",\"currency\":\"JPY\"}", "idem-2"))
                .andExpect(status().isOk());
        api.mvc.perform(signedPost("/api/v1/holds/H-1/release", "{}", "idem-3"))
                .andExpect(status().isOk());

        assertEquals(List.of(new PartnerHoldRequest("idem-1", "P-1", "C-1", "L-1", 42, 300, "JPY", 1_798_761_599_000L),
                new PartnerHoldCaptureRequest("idem-2", "P-1", "H-1", 120, "JPY"),
                new PartnerHoldReleaseRequest("idem-3", "P-1", "H-1")), api.holds.calls);
    }

    @Test
    void a_release_may_have_no_body_but_not_an_unknown_field() throws Exception {
        api.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/holds/H-1/release")
                        .header("Idempotency-Key", "idem-1").requestAttr(PartnerPrincipal.ATTRIBUTE, PartnerApiHarness.PARTNER))
                .andExpect(status().isOk());
        api.mvc.perform(signedPost("/api/v1/holds/H-1/release", "{\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(1, api.holds.calls.size());
    }

    @Test
    void a_hold_refused_for_want_of_limit_is_a_422_problem_and_a_bad_expiry_never_reaches_the_service() throws Exception {
        api.holds.limitShort = true;
        String hold = "{\"customerId\":\"C-1\",\"lineId\":\"L-1\",\"nodeId\":42,\"amount\":\"3.00\",\"currency\":\"CNY\",\"expiresAt\":\"%s\"}";

        api.mvc.perform(signedPost("/api/v1/holds", hold.formatted("2026-12-31T23:59:59Z")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("CS-2014"))
                .andExpect(jsonPath("$.outcome").value("REFUSED"));
        for (String expiry : List.of("tomorrow", "2026-12-31", "2026-12-31T23:59:59", "+1000000000-12-31T23:59:59Z")) {
            api.mvc.perform(signedPost("/api/v1/holds", hold.formatted(expiry)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("CS-1000"));
        }

        assertEquals(1, api.holds.calls.size());
    }
}
