package io.creditsuite.support.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EnvironmentsTest {

    @Test
    void names_are_lower_case_letters_digits_and_inner_dashes_up_to_32() {
        assertThat(Environments.valid("feature-x")).isTrue();
        assertThat(Environments.valid("a")).isTrue();
        assertThat(Environments.valid("x".repeat(32))).isTrue();
        assertThat(Environments.valid("x".repeat(33))).isFalse();
        assertThat(Environments.valid("Feature-X")).isFalse();
        assertThat(Environments.valid("-x")).isFalse();
        assertThat(Environments.valid("x-")).isFalse();
        assertThat(Environments.valid("x\ny")).isFalse();
        assertThat(Environments.valid("")).isFalse();
        assertThat(Environments.valid(null)).isFalse();
    }

    @Test
    void a_branch_consumes_as_a_group_of_its_own() {
        assertThat(Environments.consumerGroup("reconcile-bcp", "feature-x")).isEqualTo("reconcile-bcp-feature-x");
        assertThat(Environments.consumerGroup("reconcile-bcp", "")).isEqualTo("reconcile-bcp");
        assertThat(Environments.instanceEnvironment(" ")).isEmpty();
        assertThatThrownBy(() -> Environments.instanceEnvironment("Feature X"))
                .hasMessageContaining("credit-suite.env 'Feature X' is not an environment name");
    }

    @Test
    void the_http_filter_runs_the_request_in_its_environment_and_restores_the_baseline() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/loans");
        request.addHeader(Environments.HEADER, "feature-x");
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] seen = new String[1];

        new EnvServletFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) {
                seen[0] = Environments.current().orElse("");
            }
        }));

        assertThat(seen[0]).isEqualTo("feature-x");
        assertThat(response.getHeader(Environments.HEADER)).isEqualTo("feature-x");
        assertThat(Environments.current()).isEmpty();
    }

    @Test
    void the_http_filter_refuses_a_header_that_is_no_environment_and_runs_nothing() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/loans");
        request.addHeader(Environments.HEADER, "feature_x'--");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new EnvServletFilter().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"CS-1000\"", "X-Env", "\"traceId\"",
                "\"type\":\"urn:credit-suite:error:CS-1000\"");
        assertThat(chain.getRequest()).isNull();
    }
}
