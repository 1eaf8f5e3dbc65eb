package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.CorrectBalancesHandler;
import io.creditsuite.credit.application.CreditReportHandler;
import io.creditsuite.credit.application.ImportFlowsHandler;
import io.creditsuite.credit.application.PublishWarningsHandler;
import io.creditsuite.credit.application.RaiseWarningsHandler;
import io.creditsuite.credit.application.ReplayFlowLogHandler;
import io.creditsuite.credit.application.ReportReader;
import io.creditsuite.credit.application.WarningEvents;
import io.creditsuite.credit.application.WarningInputsHandler;
import io.creditsuite.credit.application.WarningStore;
import io.creditsuite.credit.domain.FlowLog;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.MaintenanceStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires warnings, replay, import and reports (deliverables 5-7) and runs the scheduled warning scan. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CreditOpsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CreditOpsConfiguration.class);

    @Bean
    ReplayFlowLogHandler replayFlowLogHandler(FlowLog flowLog) {
        return new ReplayFlowLogHandler(flowLog);
    }

    @Bean
    CorrectBalancesHandler correctBalancesHandler(FlowLog flowLog, MaintenanceStore maintenanceStore, Clock clock) {
        return new CorrectBalancesHandler(flowLog, maintenanceStore, clock);
    }

    @Bean
    ImportFlowsHandler importFlowsHandler(FlowLog flowLog, LimitDirectory directory, MaintenanceStore maintenanceStore,
                                          Clock clock) {
        return new ImportFlowsHandler(flowLog, directory, maintenanceStore, clock);
    }

    @Bean
    CreditReportHandler creditReportHandler(ReportReader reader) {
        return new CreditReportHandler(reader);
    }

    @Bean
    RaiseWarningsHandler raiseWarningsHandler(WarningStore store, Clock clock, CreditWarningProperties properties) {
        return new RaiseWarningsHandler(store, clock, properties.availableBelowBps(), properties.expiringWithin());
    }

    @Bean
    PublishWarningsHandler publishWarningsHandler(WarningStore store, WarningEvents events, Clock clock) {
        return new PublishWarningsHandler(store, events, clock);
    }

    @Bean
    WarningInputsHandler warningInputsHandler(WarningStore store, LimitDirectory directory, Clock clock) {
        return new WarningInputsHandler(store, directory, clock);
    }

    @Bean
    WarningScanSchedule warningScanSchedule(RaiseWarningsHandler raise, PublishWarningsHandler publish) {
        return new WarningScanSchedule(raise, publish);
    }

    /** The periodic scan (预警批量); also on demand through CreditWarningService.scan. */
    static class WarningScanSchedule {
        private final RaiseWarningsHandler raise;
        private final PublishWarningsHandler publish;

        WarningScanSchedule(RaiseWarningsHandler raise, PublishWarningsHandler publish) {
            this.raise = raise;
            this.publish = publish;
        }

        @Scheduled(initialDelayString = "${credit-suite.warning.scan-interval:1h}",
                fixedDelayString = "${credit-suite.warning.scan-interval:1h}")
        void scan() {
            try {
                int raised = raise.handle().size();
                int sent = publish.handle();
                log.info("warning scan: {} raised, {} events sent", raised, sent);
            } catch (RuntimeException e) {
                log.warn("the warning scan failed; the next one retries", e);
            }
        }
    }
}
