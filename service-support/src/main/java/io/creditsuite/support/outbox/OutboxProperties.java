package io.creditsuite.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay's settings ({@code credit-suite.outbox.*}).
 *
 * @param relay          false: no relay in this instance (events stay in the table; another instance or a later
 *                       start sends them)
 * @param pollInterval   how often an idle relay looks for rows (a round that filled its batch goes on at once)
 * @param batchSize      rows per round (one transaction holding the lease)
 * @param backoffMax     the longest wait after failed sends (the wait doubles from pollInterval at each failed round)
 * @param sendTimeout    the broker's time to store one message
 * @param retention      sent rows older than this are deleted
 * @param purgeEvery     how often the purge runs
 */
@ConfigurationProperties("credit-suite.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relay, @DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("200") int batchSize, @DefaultValue("30s") Duration backoffMax,
                               @DefaultValue("3s") Duration sendTimeout, @DefaultValue("7d") Duration retention,
                               @DefaultValue("10m") Duration purgeEvery) {
}
