package io.creditsuite.gateway.domain.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackUrlPolicyTest {
    private final CallbackUrlPolicy httpsOnly = CallbackUrlPolicy.httpsOnly();
    private final CallbackUrlPolicy loopbackHttp = CallbackUrlPolicy.httpsOrLoopbackHttp();

    record Case(String url, boolean httpsOnlyAccepts, boolean loopbackHttpAccepts) {
    }

    private static final List<Case> TABLE = List.of(
            new Case("https://partner.example.com/callbacks/credit", true, true),
            new Case("HTTPS://partner.example.com:8443/cb?x=1", true, true),
            new Case("http://partner.example.com/cb", false, false),
            new Case("http://127.0.0.1:8099/cb", false, true),
            new Case("http://127.10.0.254/cb", false, true),
            new Case("http://localhost:9000/cb", false, true),
            new Case("http://[::1]:9000/cb", false, true),
            new Case("http://127.0.0.1.nip.io/cb", false, false),
            new Case("http://localhost.partner.example/cb", false, false),
            new Case("http://128.0.0.1/cb", false, false),
            new Case("http://10.0.0.1/cb", false, false),
            new Case("https://user:pw@partner.example.com/cb", false, false),
            new Case("ftp://partner.example.com/cb", false, false),
            new Case("/relative/cb", false, false),
            new Case("https:///no-host", false, false),
            new Case("https://partner.example.com/" + "a".repeat(500), false, false),
            new Case("not a url", false, false),
            new Case("", false, false));

    @Test
    void only_https_is_accepted_and_plain_http_only_to_a_loopback_host_when_allowed() {
        for (Case c : TABLE) {
            assertEquals(c.httpsOnlyAccepts(), httpsOnly.refusal(c.url()).isEmpty(), "https only: " + c.url());
            assertEquals(c.loopbackHttpAccepts(), loopbackHttp.refusal(c.url()).isEmpty(), "loopback http: " + c.url());
        }
    }

    @Test
    void a_null_url_is_refused_with_a_reason() {
        assertEquals(true, httpsOnly.refusal(null).isPresent());
    }
}
