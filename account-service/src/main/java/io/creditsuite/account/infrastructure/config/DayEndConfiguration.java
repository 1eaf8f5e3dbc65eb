package io.creditsuite.account.infrastructure.config;

import io.creditsuite.account.application.DayEndSettings;
import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.application.RunDayEndCutoverCommand;
import io.creditsuite.account.application.RunDayEndCutoverHandler;
import io.creditsuite.account.domain.DayEndCutover;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Day-end cutover (日切) settings, its scheduled trigger and its command.
 * <ul>
 * <li>{@code credit-suite.day-end.cron} (empty: off): a cron (server time zone) at which the
 *     cutover of the date in force runs; a failed run is logged and the next trigger (or a manual
 *     rerun) resumes it.</li>
 * <li>{@code credit-suite.day-end.command=cutover}: run as a command: closes
 *     {@code credit-suite.day-end.date} (default: the date in force), prints the result and exits
 *     (status 0 when completed, 1 otherwise).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DayEndConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DayEndConfiguration.class);

    /**
     * {@code credit-suite.day-end.*}.
     *
     * @param snapshotBatch      accounts per end-of-day balance transaction (one persisted cursor step)
     * @param nearRealTimeOffset 2: near-real-time balance from T-2's end-of-day balance (default); 1: from T-1
     * @param cron               scheduled trigger; empty: none
     * @param command            "cutover": run the cutover once and exit; empty: serve
     * @param date               the date the command closes; empty: the date in force
     */
    @ConfigurationProperties("credit-suite.day-end")
    record DayEndProperties(@DefaultValue("1000") int snapshotBatch, @DefaultValue("2") int nearRealTimeOffset,
                            @DefaultValue("") String cron, @DefaultValue("") String command,
                            @DefaultValue("") String date) {
    }

    @Bean
    DayEndSettings dayEndSettings(DayEndProperties properties) {
        if (properties.nearRealTimeOffset() < 1 || properties.nearRealTimeOffset() > 2) {
            throw new IllegalStateException("credit-suite.day-end.near-real-time-offset must be 1 or 2, not "
                    + properties.nearRealTimeOffset());
        }
        return new DayEndSettings(properties.snapshotBatch(), properties.nearRealTimeOffset());
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(prefix = "credit-suite.day-end", name = "cron")
    ThreadPoolTaskScheduler dayEndScheduler(DayEndProperties properties, RunDayEndCutoverHandler cutover,
                                            DayEndSteps steps) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("day-end-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        if (!properties.cron().isBlank()) {
            scheduler.schedule(() -> {
                try {
                    cutover.run(new RunDayEndCutoverCommand(steps.dateInForce()));
                } catch (RuntimeException e) {
                    log.warn("scheduled day-end cutover failed; a rerun resumes it", e);
                }
            }, new CronTrigger(properties.cron()));
            log.info("day-end cutover scheduled at cron '{}'", properties.cron());
        }
        return scheduler;
    }

    @Bean
    @ConditionalOnProperty(prefix = "credit-suite.day-end", name = "command", havingValue = "cutover")
    ApplicationRunner dayEndCommand(DayEndProperties properties, RunDayEndCutoverHandler cutover, DayEndSteps steps,
                                    ApplicationContext context) {
        return args -> {
            DayEndCutover result = runCommand(properties.date(), cutover, steps);
            int status = SpringApplication.exit(context, () -> result.completed() ? 0 : 1);
            System.exit(status);
        };
    }

    /** The command's work, apart from the exit: closes the date given (or the date in force). */
    static DayEndCutover runCommand(String date, RunDayEndCutoverHandler cutover, DayEndSteps steps) {
        LocalDate closed = date == null || date.isBlank() ? steps.dateInForce() : LocalDate.parse(date);
        DayEndCutover result = cutover.run(new RunDayEndCutoverCommand(closed));
        log.info("DAY-END closed={} next={} stage={} accounts={} completedAt={}", result.closedDate(), result.nextDate(),
                result.stage(), result.accountsSnapshotted(), result.completedAt());
        return result;
    }
}
