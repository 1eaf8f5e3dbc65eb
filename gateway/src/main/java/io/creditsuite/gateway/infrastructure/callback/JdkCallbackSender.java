package io.creditsuite.gateway.infrastructure.callback;

import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackSender;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy.SignedCallback;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs callbacks with the JDK client: short connect and read timeouts (a slow partner delays one attempt, not the
 * whole pass for long), redirects not followed (a 3xx to a plain-http or internal address must not carry the signed
 * body there), and the answer's body discarded.
 */
public class JdkCallbackSender implements CallbackSender {
    private final HttpClient http;
    private final Duration readTimeout;

    public JdkCallbackSender(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public AttemptOutcome post(String url, byte[] body, SignedCallback signed) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header(CallbackSignaturePolicy.EVENT_ID_HEADER, signed.eventId())
                    .header(CallbackSignaturePolicy.TIMESTAMP_HEADER, Long.toString(signed.timestamp()))
                    .header(CallbackSignaturePolicy.KEY_ID_HEADER, signed.keyId())
                    .header(CallbackSignaturePolicy.SIGNATURE_HEADER, signed.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return AttemptOutcome.answered(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException | IllegalArgumentException e) {
            return AttemptOutcome.noAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptOutcome.noAnswer("interrupted (the gateway is stopping)");
        }
    }
}
