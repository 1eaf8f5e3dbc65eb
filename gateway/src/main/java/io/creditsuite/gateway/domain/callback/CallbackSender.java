package io.creditsuite.gateway.domain.callback;

/** POSTs a signed callback to a partner and reports what came of it; never throws for a network failure. */
public interface CallbackSender {
    AttemptOutcome post(String url, byte[] body, CallbackSignaturePolicy.SignedCallback signed);
}
