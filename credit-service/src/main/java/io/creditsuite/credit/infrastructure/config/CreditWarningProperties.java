package io.creditsuite.credit.infrastructure.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credit-suite.warning.*}: the warning scan.
 *
 * @param availableBelowBps a node warns when available < this share of its limit, in basis points (1000 = 10%)
 * @param expiringWithin    a line warns when its term ends within this time
 * @param scanInterval      how often the scheduled scan runs (first run one interval after start)
 */
@ConfigurationProperties("credit-suite.warning")
public record CreditWarningProperties(@DefaultValue("1000") long availableBelowBps,
                                      @DefaultValue("30d") Duration expiringWithin,
                                      @DefaultValue("1h") Duration scanInterval) {
}
