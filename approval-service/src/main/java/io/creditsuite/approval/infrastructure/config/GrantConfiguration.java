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
import java.time.Clock;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

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

    @Bean
    GrantSweeper grantSweeper(GrantApprovedApplications grants) {
        return new GrantSweeper(grants);
    }

    static class GrantSweeper {
        private final GrantApprovedApplications grants;

        GrantSweeper(GrantApprovedApplications grants) {
            this.grants = grants;
        }

        @Scheduled(fixedDelayString = "${credit-suite.approval.grant-interval:2s}")
        void sweep() {
            try {
                int granted = grants.grantPending(BATCH);
                if (granted > 0) {
                    LoggerFactory.getLogger(GrantConfiguration.class).info("{} application(s) GRANTED", granted);
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(GrantConfiguration.class).warn("the grant sweep failed; the next one retries",
                        e);
            }
        }
    }
}
