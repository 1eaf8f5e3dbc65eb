package io.creditsuite.gateway.infrastructure.web.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.gateway.domain.money.SupportedCurrencies;
import io.creditsuite.gateway.infrastructure.config.PartnerApiWebConfig;
import io.creditsuite.gateway.infrastructure.web.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSpecPropertiesConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner API's OpenAPI document as the gateway serves it at /v3/api-docs (the partner controllers, the
 * application's springdoc settings from application.yml, the document's fixed parts) equals the committed copy.
 *
 * <p>After changing an endpoint or its annotations, regenerate the copy and review its diff:
 * <pre>./mvnw -o -B -ntp -q -pl gateway -am verify -Dtest=PartnerOpenApiDocumentTest -Dopenapi.regenerate=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=None -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
@WebMvcTest(properties = "dubbo.protocol.port=-1") // no Dubbo in this context; a devstack port is refused by DevstackPortGuard
@ContextConfiguration(classes = PartnerOpenApiDocumentTest.PartnerApiOnly.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocSpecPropertiesConfiguration.class, SpringDocWebMvcConfiguration.class})
class PartnerOpenApiDocumentTest {
    static final Path COPY = Path.of("src/main/resources/openapi/partner-api.json");

    @Autowired
    MockMvc mvc;

    @Configuration(proxyBeanMethods = false)
    @Import({CustomerController.class, LoanController.class, HoldController.class, ApplicationController.class,
            ProblemResponses.class,
            PartnerApiWebConfig.class})
    static class PartnerApiOnly {
        @Bean
        FakePartnerCustomerService customers() {
            return new FakePartnerCustomerService();
        }

        @Bean
        FakeLendingService lending() {
            return new FakeLendingService();
        }

        @Bean
        FakePartnerHoldService holds() {
            return new FakePartnerHoldService();
        }

        @Bean
        FakeCreditApplicationService applications() {
            return new FakeCreditApplicationService();
        }

        @Bean
        PartnerAmounts amounts() {
            return new PartnerAmounts(new SupportedCurrencies(List.of("CNY", "USD", "EUR", "HKD", "JPY")));
        }
    }

    @Test
    void the_served_document_equals_the_committed_copy() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(served);
        if (Boolean.getBoolean("openapi.regenerate")) {
            Files.createDirectories(COPY.getParent());
            Files.writeString(COPY, json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        }
        assertTrue(Files.exists(COPY), "no copy at " + COPY.toAbsolutePath() + "; regenerate it (see the class Javadoc)");
        assertEquals(json.readTree(Files.readString(COPY)), document, "the served OpenAPI document differs from "
                + COPY + ": regenerate it with -Dopenapi.regenerate=true (see the class Javadoc) and review the diff");
    }

    @Test
    void every_operation_is_signed_every_post_needs_an_idempotency_key_and_errors_are_problems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertEquals("Authorization", document.at("/components/securitySchemes/CS1-HMAC-SHA256/name").asText());
        assertEquals("CS1-HMAC-SHA256", document.at("/security/0").fieldNames().next());
        assertEquals(new TreeSet<>(List.of("/api/v1/customers", "/api/v1/customers/{customerId}",
                "/api/v1/customers/{customerId}/limits", "/api/v1/customers/{customerId}/statement", "/api/v1/loans",
                "/api/v1/loans/{loanId}", "/api/v1/loans/{loanId}/repayments", "/api/v1/holds",
                "/api/v1/holds/{holdId}/capture", "/api/v1/holds/{holdId}/release", "/api/v1/credit-applications",
                "/api/v1/credit-applications/{applicationId}", "/api/v1/credit-applications/{applicationId}/supplements")),
                fieldNames(document.get("paths")));
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey() + " " + path.getKey();
                JsonNode responses = operation.getValue().get("responses");
                for (String status : List.of("400", "401", "403", "404", "503")) {
                    assertTrue(responses.at("/" + status + "/content").has("application/problem+json"), where + " " + status);
                }
                boolean keyed = false;
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    keyed |= parameter.path("name").asText().equals("Idempotency-Key") && parameter.path("required").asBoolean();
                }
                assertEquals(operation.getKey().equals("post"), keyed, where + " Idempotency-Key");
            }
        }
        assertTrue(document.at("/paths/~1api~1v1~1loans/post/responses/422/content/application~1problem+json/examples")
                .size() >= 2, "the drawdown's 422 shows a refusal and a reused key");
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
