package io.creditsuite.gateway.application.callback;

import io.creditsuite.gateway.domain.callback.AttemptOutcome;
import io.creditsuite.gateway.domain.callback.CallbackBackoff;
import io.creditsuite.gateway.domain.callback.CallbackDeliveries;
import io.creditsuite.gateway.domain.callback.CallbackKeys;
import io.creditsuite.gateway.domain.callback.CallbackKeys.PartnerSecret;
import io.creditsuite.gateway.domain.callback.CallbackSender;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy;
import io.creditsuite.gateway.domain.callback.CallbackSignaturePolicy.SignedCallback;
import io.creditsuite.gateway.domain.callback.CallbackUrlPolicy;
import io.creditsuite.gateway.domain.callback.ClaimedDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the callback dispatcher at the time its caller gives: every due delivery is claimed (so two gateway
 * instances never POST the same row at once), signed with the partner's key at that time, POSTed, and then marked
 * DELIVERED (2xx), re-scheduled by {@link CallbackBackoff}, or GAVE_UP after the last attempt. At least once: a
 * gateway that dies between the POST and the mark leaves the row leased; after the lease it is due again and the
 * partner gets it a second time, with the same event id to dedupe on.
 */
public class DispatchCallbacks {
    private static final Logger log = LoggerFactory.getLogger(DispatchCallbacks.class);

    /** What one pass did; {@code lost} counts outcomes not written because another instance had taken the row over. */
    public record Pass(int delivered, int retrying, int gaveUp, int lost) {
        public int attempts() {
            return delivered + retrying + gaveUp + lost;
        }
    }

    /**
     * @param batch how many due rows one pass looks at
     * @param lease how long a claim holds a row: longer than one POST can take (connect + read timeouts), so a row is
     *              claimed again only when its holder is gone
     */
    public record Settings(CallbackBackoff backoff, int batch, Duration lease) {
    }

    private final CallbackDeliveries deliveries;
    private final CallbackKeys keys;
    private final CallbackSender sender;
    private final CallbackUrlPolicy urls;
    private final Settings settings;

    public DispatchCallbacks(CallbackDeliveries deliveries, CallbackKeys keys, CallbackSender sender,
                             CallbackUrlPolicy urls, Settings settings) {
        this.deliveries = deliveries;
        this.keys = keys;
        this.sender = sender;
        this.urls = urls;
        this.settings = settings;
    }

    public Pass dispatchDue(Instant now) {
        int delivered = 0;
        int retrying = 0;
        int gaveUp = 0;
        int lost = 0;
        for (String eventId : deliveries.due(now, settings.batch())) {
            // claimed one at a time, just before its POST: the lease need only cover one attempt
            Optional<ClaimedDelivery> claimed = deliveries.claim(eventId, now, now.plus(settings.lease()));
            if (claimed.isEmpty()) {
                continue;
            }
            ClaimedDelivery claim = claimed.get();
            AttemptOutcome outcome = attempt(claim, now);
            if (outcome.delivered()) {
                if (deliveries.delivered(claim, outcome, now)) {
                    delivered++;
                    log.info("callback {} DELIVERED to partner {} at attempt {} (HTTP {})", claim.eventId(),
                            claim.partnerId(), claim.attempt(), outcome.httpStatus());
                    continue;
                }
            } else if (settings.backoff().exhausted(claim.attempt())) {
                if (deliveries.gaveUp(claim, outcome, now)) {
                    gaveUp++;
                    log.warn("callback {} of partner {} GAVE_UP after {} attempts, last: {} (operators: GET"
                            + " /ops/v1/callbacks?status=GAVE_UP, POST /ops/v1/callbacks/{}/retry)", claim.eventId(),
                            claim.partnerId(), claim.attempt(), outcome.error(), claim.eventId());
                    continue;
                }
            } else {
                Instant next = settings.backoff().nextAttempt(claim.attempt(), now);
                if (deliveries.retryAt(claim, outcome, next)) {
                    retrying++;
                    log.info("callback {} of partner {} failed at attempt {} ({}); next at {}", claim.eventId(),
                            claim.partnerId(), claim.attempt(), outcome.error(), next);
                    continue;
                }
            }
            lost++;
            log.warn("callback {}: the lease ran out during attempt {}; its outcome ({}) is not recorded and another"
                    + " instance owns the row", claim.eventId(), claim.attempt(), outcome);
        }
        return new Pass(delivered, retrying, gaveUp, lost);
    }

    private AttemptOutcome attempt(ClaimedDelivery claim, Instant now) {
        Optional<String> refusal = urls.refusal(claim.callbackUrl());
        if (refusal.isPresent()) {
            return AttemptOutcome.noAnswer(refusal.get());
        }
        Optional<PartnerSecret> key = keys.signingKeyOf(claim.partnerId());
        if (key.isEmpty()) {
            // the partner may be issued a key later: retried like any failure
            return AttemptOutcome.noAnswer("partner " + claim.partnerId() + " has no ACTIVE key to sign with");
        }
        byte[] body = claim.payloadJson().getBytes(StandardCharsets.UTF_8);
        SignedCallback signed = CallbackSignaturePolicy.sign(key.get().keyId(), key.get().secret(), claim.eventId(),
                body, now);
        return sender.post(claim.callbackUrl(), body, signed);
    }
}
