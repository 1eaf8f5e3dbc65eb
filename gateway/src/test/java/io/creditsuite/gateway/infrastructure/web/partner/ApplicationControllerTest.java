package io.creditsuite.gateway.infrastructure.web.partner;

import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedGet;
import static io.creditsuite.gateway.infrastructure.web.partner.PartnerApiHarness.signedPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.credit.LimitType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationControllerTest {
    private static final String SUBMIT = """
            {"partnerApplicationId":"APP-1","customerId":"C-1","applicant":{"name":"Wang Fang","identityType":"ID_CARD",
             "identityNumber":"110101199003070011","phone":"13800138000","age":34,"industry":"RETAIL",
             "declaredAnnualRevenue":"1000000.00","regionPath":"/CN/EAST/SH"},"limitType":"GUARANTEE",
             "amount":"300000.00","currency":"CNY","termMonths":12,"productIds":["P-1"],"productLine":"DEALER"}""";

    private final PartnerApiHarness api = new PartnerApiHarness();

    @Test
    void a_submitted_application_is_201_in_decimal_strings_and_passes_minor_units_and_the_partner() throws Exception {
        api.mvc.perform(signedPost("/api/v1/credit-applications", SUBMIT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/credit-applications/AP-1"))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.stage").value("FIRST_REVIEW"))
                .andExpect(jsonPath("$.requestedAmount").value("300000.00"))
                .andExpect(jsonPath("$.score").value(670));

        assertThat(api.applications.calls).containsExactly(new SubmitApplicationRequest("P-1", "APP-1", "C-1",
                new ApplicantFacts("Wang Fang", IdentityType.ID_CARD, "110101199003070011", "13800138000", 34,
                        "RETAIL", 100_000_000, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 30_000_000, 12,
                List.of("P-1"), "DEALER", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"amount\":\"300000.00\"|\"amount\":\"300000.001\"|CS-6011",
            "\"currency\":\"CNY\"|\"currency\":\"XXX\"|CS-6012",
            "\"limitType\":\"GUARANTEE\"|\"limitType\":\"ANYTHING\"|CS-1000",
            "\"identityType\":\"ID_CARD\"|\"identityType\":\"PASSPORT\"|CS-1000",
            "\"declaredAnnualRevenue\":\"1000000.00\"|\"declaredAnnualRevenue\":\"-1.00\"|CS-6011",
            "\"partnerApplicationId\":\"APP-1\"|\"partnerApplicationId\":\"APP 1; drop\"|CS-1000",
            "\"termMonths\":12|\"termMonths\":null|CS-1000",
    })
    void bad_input_is_a_problem_with_its_code_and_never_reaches_approval_service(String from, String to, String code)
            throws Exception {
        api.mvc.perform(signedPost("/api/v1/credit-applications", SUBMIT.replace(from, to)))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value(code));
        assertThat(api.applications.calls).isEmpty();
    }

    @Test
    void reads_and_supplements_are_scoped_to_the_calling_partner() throws Exception {
        api.mvc.perform(signedGet("/api/v1/credit-applications/AP-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.applicationId").value("AP-1"));
        api.mvc.perform(signedGet("/api/v1/credit-applications/AP-2")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CS-4001"));
        api.mvc.perform(signedGet("/api/v1/credit-applications?partnerApplicationId=APP-1")).andExpect(status().isOk());
        api.mvc.perform(signedPost("/api/v1/credit-applications/AP-1/supplements", "{\"note\":\"tax return\"}", "sup-1"))
                .andExpect(status().isCreated());

        assertThat(api.applications.calls).containsExactly("P-1/AP-1", "P-1/AP-2", "P-1?APP-1",
                new SupplementRequest("sup-1", "P-1", "AP-1", "tax return"));
    }
}
