package io.creditsuite.gateway.infrastructure.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency-Key handling of partner POSTs ({@code credit-suite.gateway.idempotency.*}).
 *
 * @param retention    how long a completed response is replayed (default 24 h); after that the key is new again
 * @param staleAfter   how long an IN_PROGRESS claim may last before another request with the same key and body may
 *                     take it over (the attempt that held it is presumed dead; default 2 min, longer than any
 *                     request's timeout)
 * @param purgeBatch   rows deleted per statement by the purge (default 1000)
 * @param purgeEvery   how often expired records are purged (default 5 min)
 */
@ConfigurationProperties("credit-suite.gateway.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("2m") Duration staleAfter,
                                    @DefaultValue("1000") int purgeBatch,
                                    @DefaultValue("5m") Duration purgeEvery) {
}
