package io.creditsuite.approval.infrastructure.config;

import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.approval.application.grant.CreditLines;
import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.application.grant.GrantApprovedApplications;
import io.creditsuite.approval.application.grant.GrantRecorder;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.infrastructure.credit.DubboCreditLines;
import io.creditsuite.approval.infrastructure.mq.OutboxDecisionEvents;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.schedule.PeriodicSweep;
import java.time.Clock;
import java.time.Duration;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * The grant of recheck-approved applications in credit-service, retried on a fixed delay
 * ({@code credit-suite.approval.grant-interval}, 2 s) until done, and the decision events (issue 12).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GrantConfiguration {
    private static final int BATCH = 50;

    @Bean
    @DubboReference
    ReferenceBean<CreditMaintenanceService> approvalCreditMaintenance() {
        return new ReferenceBean<>();
    }

    @Bean
    CreditLines creditLines(CreditMaintenanceService maintenance,
                            @Value("${credit-suite.approval.grant-rate:0.0435}") String rate) {
        return new DubboCreditLines(maintenance, rate);
    }

    @Bean
    DecisionEvents decisionEvents(ObjectProvider<Outbox> outbox) {
        return new OutboxDecisionEvents(outbox);
    }

    @Bean
    GrantRecorder grantRecorder(ApplicationRepository applications, DecisionEvents events, Clock approvalClock) {
        return new GrantRecorder(applications, events, approvalClock);
    }

    @Bean
    GrantApprovedApplications grantApprovedApplications(ApplicationRepository applications, CreditLines creditLines,
                                                        GrantRecorder recorder) {
        return new GrantApprovedApplications(applications, creditLines, recorder);
    }

    /** Grants recheck-approved applications every {@code credit-suite.approval.grant-interval} (2 s). */
    @Bean
    SchedulingConfigurer grantSweep(GrantApprovedApplications grants,
                                    @Value("${credit-suite.approval.grant-interval:2s}") Duration interval) {
        return PeriodicSweep.every(interval, "application(s) GRANTED", () -> grants.grantPending(BATCH));
    }
}
