package io.creditsuite.credit.infrastructure.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credit-suite.lending.faults.*}: FAULT INJECTION hooks for tests and operators, all off by default and refused
 * in the {@code prod} profile (see {@link io.creditsuite.credit.infrastructure.lending.PauseBeforeCommit}).
 *
 * @param pauseBeforeCommitFile while this file exists, a drawdown whose tries both succeeded waits before its commit
 * @param pauseAtMost           the longest such a wait lasts, whether or not the file is gone
 */
@ConfigurationProperties("credit-suite.lending.faults")
public record LendingFaultProperties(Path pauseBeforeCommitFile, @DefaultValue("2m") Duration pauseAtMost) {
}
