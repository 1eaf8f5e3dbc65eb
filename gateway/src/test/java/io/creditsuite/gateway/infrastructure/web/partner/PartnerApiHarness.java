package io.creditsuite.gateway.infrastructure.web.partner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.gateway.domain.money.SupportedCurrencies;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.creditsuite.gateway.infrastructure.web.ProblemResponses;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The partner controllers as the gateway runs them (strict body reader first, the problem+json advice) over
 * in-memory fakes of credit-service's lending interfaces, without the signature filter: requests carry the
 * principal the filter would set.
 */
final class PartnerApiHarness {
    static final PartnerPrincipal PARTNER = new PartnerPrincipal("P-1", "k-1", EnumSet.allOf(PartnerScope.class));

    final FakePartnerCustomerService customers = new FakePartnerCustomerService();
    final FakeLendingService lending = new FakeLendingService();
    final FakePartnerHoldService holds = new FakePartnerHoldService();
    final FakeCreditApplicationService applications = new FakeCreditApplicationService();
    final MockMvc mvc;

    PartnerApiHarness() {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
        PartnerAmounts amounts = new PartnerAmounts(new SupportedCurrencies(List.of("CNY", "USD", "EUR", "HKD", "JPY")));
        mvc = MockMvcBuilders.standaloneSetup(new CustomerController(customers), new LoanController(lending, amounts),
                        new HoldController(holds, amounts), new ApplicationController(applications, amounts))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new StrictJsonBodyConverter(mapper), new MappingJackson2HttpMessageConverter(mapper))
                .build();
    }

    int downstreamCalls() {
        return customers.calls.size() + lending.calls.size() + holds.calls.size() + applications.calls.size();
    }

    static MockHttpServletRequestBuilder signedPost(String path, String json) {
        return signedPost(path, json, "idem-1");
    }

    static MockHttpServletRequestBuilder signedPost(String path, String json, String idempotencyKey) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Idempotency-Key", idempotencyKey).requestAttr(PartnerPrincipal.ATTRIBUTE, PARTNER);
    }

    static MockHttpServletRequestBuilder signedGet(String path) {
        return get(path).requestAttr(PartnerPrincipal.ATTRIBUTE, PARTNER);
    }
}
