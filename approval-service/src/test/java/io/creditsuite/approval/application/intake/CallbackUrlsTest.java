package io.creditsuite.approval.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackUrlsTest {

    @Test
    void https_always_plain_http_only_to_a_literal_loopback_host_and_only_when_allowed() {
        assertThat(CallbackUrls.HTTPS_ONLY.accepts("https://partner.example/cb")).isTrue();
        assertThat(CallbackUrls.HTTPS_ONLY.accepts("http://127.0.0.1:49152/cb")).isFalse();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("http://127.0.0.1:49152/cb")).isTrue();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("http://localhost/cb")).isTrue();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("http://partner.example/cb")).isFalse();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("http://127.0.0.1.nip.io/cb")).isFalse();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("https://user:pw@partner.example/cb")).isFalse();
        assertThat(CallbackUrls.HTTPS_OR_LOOPBACK_HTTP.accepts("/relative")).isFalse();
        assertThat(CallbackUrls.HTTPS_ONLY.accepts("https://partner.example/" + "x".repeat(512))).isFalse();
    }
}
