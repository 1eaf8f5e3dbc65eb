package io.creditsuite.credit.infrastructure.probe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the probes credit-service initiates ({@code credit-suite.probe.*}).
 *
 * @param accountTryTimeout the Dubbo timeout of account-service's {@code tryTccProbe} (default 3s).
 *                          It must stay well below account-service's {@code late-try-hold}
 *                          (default 15s): the LATE_ACCOUNT_TRY scenario relies on this initiator
 *                          giving up on the held try and rolling back while the try still waits.
 * @param globalTimeout     the Seata global transaction timeout (default 60s); the TC rolls back
 *                          a probe left open longer, e.g. by a crashed initiator
 */
@ConfigurationProperties("credit-suite.probe")
public record CreditProbeProperties(@DefaultValue("3s") Duration accountTryTimeout,
                                    @DefaultValue("60s") Duration globalTimeout) {
}
