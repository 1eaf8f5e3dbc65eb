package io.creditsuite.devstack.smoke;

import java.time.Duration;

/**
 * Bounds of the smoke demo's polls; generous, because they only cap a wait that ends as soon as
 * the answer is there.
 *
 * @param pingReady        until the gateway has every provider (lists arrive after start)
 * @param delivery         until a published message is consumed; the first one after a start
 *                         may wait for the consumer's first rebalance
 * @param notDeliveredWatch how long a rolled-back transactional message must stay undelivered
 *                         after a committed one sent after it has arrived; longer than the
 *                         broker's check-back of unresolved half messages (3 s + 2 s)
 * @param phase2           until both TCC branches show the outcome of phase 2
 */
public record SmokeTimeouts(Duration pingReady, Duration delivery, Duration notDeliveredWatch, Duration phase2) {

    public static SmokeTimeouts defaults() {
        return new SmokeTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(90), Duration.ofSeconds(6),
                Duration.ofSeconds(30));
    }
}
