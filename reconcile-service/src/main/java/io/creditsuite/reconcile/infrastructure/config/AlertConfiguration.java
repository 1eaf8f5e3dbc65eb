package io.creditsuite.reconcile.infrastructure.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.alert.DiscrepancyAlerts;
import io.creditsuite.reconcile.infrastructure.alert.AlertmanagerSink;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcDiscrepancyReads;
import io.creditsuite.support.schedule.PeriodicSweep;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Pushes discrepancies to Alertmanager when {@code credit-suite.bcp.alerts.alertmanager-url} is set, every
 * {@code credit-suite.bcp.alerts.interval} (30 s); resolved ones are re-sent as resolved for
 * {@code credit-suite.bcp.alerts.resolved-for} (1 h).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${credit-suite.bcp.alerts.alertmanager-url:}'.isEmpty()")
class AlertConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    DiscrepancyAlerts discrepancyAlerts(JdbcTemplate jdbc, ObjectMapper json,
                                        @Value("${credit-suite.bcp.alerts.alertmanager-url}") String url,
                                        @Value("${credit-suite.bcp.alerts.resolved-for:1h}") Duration resolvedFor) {
        return new DiscrepancyAlerts(new JdbcDiscrepancyReads(jdbc), new AlertmanagerSink(url, json), resolvedFor);
    }

    @Bean
    SchedulingConfigurer discrepancyAlertPush(DiscrepancyAlerts alerts, Clock bcpClock,
                                              @Value("${credit-suite.bcp.alerts.interval:30s}") Duration interval,
                                              @Value("${credit-suite.bcp.alerts.alertmanager-url}") String url) {
        // one line at start that says where the alerts go (the devstack's system test reads it)
        LOG.info("BCP discrepancies are pushed to Alertmanager at {} every {}", url, interval);
        return PeriodicSweep.every(interval, "BCP alert(s) pushed to Alertmanager",
                () -> alerts.push(bcpClock.instant()));
    }
}
