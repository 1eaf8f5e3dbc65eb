package io.creditsuite.account.infrastructure.probe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of account-service's probes ({@code credit-suite.probe.*}).
 *
 * @param lateTryHold how long the try of a LATE_ACCOUNT_TRY probe waits for its branch's cancel
 *                    (default 15s). It must exceed the initiator's {@code account-try-timeout}
 *                    (default 3s) plus the time the rollback takes to arrive; if the cancel does
 *                    not come in time, the try gives up and fails instead of running late.
 */
@ConfigurationProperties("credit-suite.probe")
public record AccountProbeProperties(@DefaultValue("15s") Duration lateTryHold) {
}
