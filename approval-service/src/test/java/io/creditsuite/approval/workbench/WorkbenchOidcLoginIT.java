package io.creditsuite.approval.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The production sign-in wiring (credit-suite.approval.workbench.login=oidc) against a provider registered with
 * explicit endpoints: the login page offers the identity provider, its link starts the authorization-code flow at
 * the provider with our client id, and the local password form is gone. The provider's side of the flow needs a real
 * identity provider and is not run here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "credit-suite.approval.workbench.login=oidc",
        "spring.security.oauth2.client.registration.staff.client-id=approval-workbench",
        "spring.security.oauth2.client.registration.staff.client-secret=test-secret",
        "spring.security.oauth2.client.registration.staff.scope=openid,profile",
        "spring.security.oauth2.client.registration.staff.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.staff.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.staff.authorization-uri=https://idp.example/authorize",
        "spring.security.oauth2.client.provider.staff.token-uri=https://idp.example/token",
        "spring.security.oauth2.client.provider.staff.jwk-set-uri=https://idp.example/jwks",
        "spring.security.oauth2.client.provider.staff.user-name-attribute=preferred_username"})
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class WorkbenchOidcLoginIT {
    @LocalServerPort
    private int port;

    @Test
    void sign_in_goes_to_the_identity_provider_and_the_password_form_is_gone() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("/oauth2/authorization/staff").doesNotContain("id=\"password\"");

        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/authorization/staff")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://idp.example/authorize?").contains("client_id=approval-workbench",
                        "response_type=code", "scope=openid%20profile", "state=", "nonce="));

        HttpResponse<String> localPassword = http.send(HttpRequest.newBuilder(URI.create(url("/workbench"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(localPassword.statusCode()).isEqualTo(302);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
