package io.creditsuite.account.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.application.RunDayEndCutoverHandler;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.DayEndService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduled trigger of the day-end cutover: {@link DayEndConfiguration} wired with
 * {@code credit-suite.day-end.cron} set a few seconds ahead runs the cutover of the date in force
 * when the cron fires, not before, on the real database of the ledger ITs' shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DayEndScheduleIT extends LedgerItSupport {

    @Autowired
    RunDayEndCutoverHandler cutover;
    @Autowired
    DayEndSteps steps;
    @Autowired
    DayEndService dayEnd;

    /** Binds {@code credit-suite.day-end.*} as the application does (not @Configuration: that would replace the test's context). */
    @EnableConfigurationProperties(DayEndConfiguration.DayEndProperties.class)
    static class Properties {
    }

    @Test
    void the_cron_trigger_runs_the_cutover_of_the_date_in_force_when_it_fires_and_not_before() {
        openCustomer();
        LocalDate t = dateInForce();
        LocalDateTime fireAt = LocalDateTime.now().plusSeconds(5).withNano(0);
        // every minute at that second: should a loaded machine start the scheduler after fireAt, the
        // cron still fires a minute later instead of tomorrow (the wait below allows for it)
        String cron = fireAt.getSecond() + " * * * * *";

        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, DayEndConfiguration.class)
                .withBean(RunDayEndCutoverHandler.class, () -> cutover)
                .withBean(DayEndSteps.class, () -> steps)
                .withPropertyValues("credit-suite.day-end.cron=" + cron)
                .run(context -> {
                    assertThat(context).hasSingleBean(ThreadPoolTaskScheduler.class);
                    // nothing happens before the cron fires
                    while (LocalDateTime.now().isBefore(fireAt.minusNanos(300_000_000))) {
                        assertThat(dateInForce()).as("the date in force before %s", fireAt).isEqualTo(t);
                        Thread.sleep(100);
                    }
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                            .until(() -> steps.find(t).map(DayEndCutover::completed).orElse(false));
                });

        assertThat(dateInForce()).isEqualTo(t.plusDays(1));
        DayEndCutover closed = steps.find(t).orElseThrow();
        assertThat(closed.stage()).isEqualTo(DayEndCutover.Stage.COMPLETED);
        assertThat(closed.accountsSnapshotted()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM account WHERE id <= ?", Long.class, closed.lastAccountId()));
    }

    @Test
    void without_a_cron_no_scheduler_is_made() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, DayEndConfiguration.class)
                .withBean(RunDayEndCutoverHandler.class, () -> cutover)
                .withBean(DayEndSteps.class, () -> steps)
                .run(context -> assertThat(context).doesNotHaveBean(ThreadPoolTaskScheduler.class));
    }

    private LocalDate dateInForce() {
        return LocalDate.parse(dayEnd.accountingDate());
    }
}
