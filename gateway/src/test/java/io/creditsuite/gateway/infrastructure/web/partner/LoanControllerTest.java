package io.creditsuite.gateway.infrastructure.web.partner;

import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedGet;
import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.api.lending.DrawdownRefusal;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.RepaymentRequest;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

class LoanControllerTest {
    private static final String DRAWDOWN = """
            {"customerId":"C-1","lineId":"L-1","productNodeId":42,"amount":"5000.00","currency":"CNY","payeeAccount":"6222020200112233"}""";

    private final PartnerApiHarness api = new PartnerApiHarness();

    @Test
    void an_accepted_drawdown_is_201_with_the_loan_in_decimal_strings_and_passes_the_partner_and_the_key() throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/loans/LN-1"))
                .andExpect(jsonPath("$.loanId").value("LN-1"))
                .andExpect(jsonPath("$.amount").value("5000.00"))
                .andExpect(jsonPath("$.principalOutstanding").value("5000.00"))
                .andExpect(jsonPath("$.status").value("DISBURSING"))
                .andExpect(jsonPath("$.createdAt").value("2026-12-02T08:31:00.120Z"))
                .andExpect(jsonPath("$.disbursedAt").isEmpty());

        assertEquals(new DrawdownRequest("idem-1", "P-1", "C-1", "L-1", 42, 500_000, "CNY", "6222020200112233"),
                api.lending.calls.get(0));
    }

    @Test
    void a_refused_drawdown_is_a_422_problem_naming_the_reason_with_the_refused_loan() throws Exception {
        api.lending.refuseWith = DrawdownRefusal.LIMIT_INSUFFICIENT;

        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CS-2014"))
                .andExpect(jsonPath("$.outcome").value("REFUSED"))
                .andExpect(jsonPath("$.refusal").value("LIMIT_INSUFFICIENT"))
                .andExpect(jsonPath("$.detail").value("node 7: available 1200.00 < 5000.00"))
                .andExpect(jsonPath("$.loan.status").value("REFUSED"))
                .andExpect(jsonPath("$.loan.principalOutstanding").value("0.00"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({"LIMIT_INSUFFICIENT, 422, CS-2014", "LINE_FROZEN, 422, CS-2011", "LINE_EXPIRED, 422, CS-2010",
            "LINE_CLEARED, 422, CS-2012", "FUNDING_INSUFFICIENT, 422, CS-3008", "FUNDING_ACCOUNT_FROZEN, 422, CS-3007",
            "LOAN_ACCOUNT_FROZEN, 422, CS-3007", "UNAVAILABLE, 503, CS-1004"})
    void every_refusal_has_its_own_stable_code(DrawdownRefusal refusal, int status, String code) throws Exception {
        api.lending.refuseWith = refusal;

        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.refusal").value(refusal.name()));
    }

    @Test
    void a_repayment_without_interest_repays_principal_only_and_answers_the_loan_after_it() throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans/LN-1/repayments",
                        "{\"principal\":\"1000.5\",\"currency\":\"CNY\",\"payerAccount\":\"6222-0001\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/loans/LN-1/repayments/RP-1"))
                .andExpect(jsonPath("$.repayment.principal").value("1000.50"))
                .andExpect(jsonPath("$.repayment.interest").value("0.00"))
                .andExpect(jsonPath("$.loan.principalOutstanding").value("3999.50"));

        assertEquals(new RepaymentRequest("idem-1", "P-1", "LN-1", 100_050, 0, "CNY", "6222-0001"), api.lending.calls.get(0));
    }

    @Test
    void zero_interest_is_accepted_but_zero_principal_is_malformed() throws Exception {
        api.mvc.perform(signedPost("/api/v1/loans/LN-1/repayments",
                        "{\"principal\":\"1\",\"interest\":\"0\",\"currency\":\"CNY\",\"payerAccount\":\"p1\"}"))
                .andExpect(status().isCreated());
        api.mvc.perform(signedPost("/api/v1/loans/LN-1/repayments",
                        "{\"principal\":\"0\",\"interest\":\"1\",\"currency\":\"CNY\",\"payerAccount\":\"p1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-6011"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("field 'principal'")));

        assertEquals(1, api.lending.calls.size());
    }

    @Test
    void a_loan_and_its_repayments_are_read_for_the_calling_partner() throws Exception {
        api.mvc.perform(signedGet("/api/v1/loans/LN-9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repaidPrincipal").value("1000.00"))
                .andExpect(jsonPath("$.disbursedAt").value("2026-12-02T08:31:01.005Z"));
        api.mvc.perform(signedGet("/api/v1/loans/LN-9/repayments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loanId").value("LN-9"))
                .andExpect(jsonPath("$.repayments[0].interest").value("12.50"));

        assertEquals(java.util.List.of("P-1", "LN-9"), api.lending.calls.get(0));
    }

    @Test
    void a_hostile_loan_id_in_the_path_never_reaches_the_service() throws Exception {
        api.mvc.perform(signedGet("/api/v1/loans/LN-1'--"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));

        assertEquals(0, api.downstreamCalls());
    }

    @Test
    void an_unreachable_credit_service_is_503_not_a_stack_trace() throws Exception {
        api.lending.failure = () -> new RpcException(RpcException.NETWORK_EXCEPTION, "no provider");

        api.mvc.perform(signedPost("/api/v1/loans", DRAWDOWN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("CS-1004"));
    }
}
