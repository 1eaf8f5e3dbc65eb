package io.creditsuite.credit.infrastructure.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credit-suite.credit.*}: the group-commit writers and maker-checker.
 *
 * @param writers                     writer threads; changes are spread over them by their path's hot root
 * @param threadsPerWriter            threads draining each writer's queue (2: an optimistic batch locks its nodes for
 *                                    its last statement and the commit only, so while one thread updates and commits,
 *                                    the other inserts the next batch's rows)
 * @param maxBatch                    most changes one writer commits in one transaction
 * @param postTimeout                 how long a caller waits for its batch to commit
 * @param makerCheckerThresholdMinor  an adjustment moving a limit by more than this waits for a second person
 * @param expirySweepInterval         how often expired holds are released
 */
@ConfigurationProperties("credit-suite.credit")
public record CreditLimitProperties(@DefaultValue("4") int writers, @DefaultValue("2") int threadsPerWriter,
                                    @DefaultValue("512") int maxBatch,
                                    @DefaultValue("30s") Duration postTimeout,
                                    @DefaultValue("10000000") long makerCheckerThresholdMinor,
                                    @DefaultValue("1s") Duration expirySweepInterval) {
}
