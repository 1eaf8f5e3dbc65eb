package io.creditsuite.gateway.infrastructure.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Signature checking of the partner API ({@code credit-suite.gateway.security.*}).
 *
 * @param timestampWindow   how far a signed timestamp may be from the gateway's clock, either way (default 5 min)
 * @param maxBodySize       the largest request body accepted (default 64 KiB); larger is CS-6009 413
 * @param noncePurgeBatch   rows deleted per statement by the nonce purge (default 1000)
 * @param noncePurgeEvery   how often expired nonces are purged (default 1 min)
 */
@ConfigurationProperties("credit-suite.gateway.security")
public record PartnerSecurityProperties(@DefaultValue("5m") Duration timestampWindow,
                                        @DefaultValue("64KB") DataSize maxBodySize,
                                        @DefaultValue("1000") int noncePurgeBatch,
                                        @DefaultValue("1m") Duration noncePurgeEvery) {
}
