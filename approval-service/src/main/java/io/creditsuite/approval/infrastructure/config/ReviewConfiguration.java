package io.creditsuite.approval.infrastructure.config;

import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewDeskService;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.application.review.SlaEscalation;
import io.creditsuite.approval.domain.application.ReviewStep;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffRole;
import io.creditsuite.approval.infrastructure.flow.FlowableReviewTasks;
import io.creditsuite.approval.infrastructure.persistence.JdbcStaffDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the review chain (the BPMN process credit-review) and the review desk (issue 12). */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    ReviewTasks reviewTasks(RuntimeService runtime, TaskService tasks, HistoryService history) {
        return new FlowableReviewTasks(runtime, tasks, history);
    }

    @Bean
    JdbcStaffDirectory staffDirectory(JdbcTemplate jdbc) {
        return new JdbcStaffDirectory(jdbc);
    }

    /** The stages' SLAs: {@code credit-suite.approval.sla.first-review / final-review / recheck} (8h, 8h, 4h). */
    @Bean
    SlaPolicy slaPolicy(@Value("${credit-suite.approval.sla.first-review:8h}") Duration firstReview,
                        @Value("${credit-suite.approval.sla.final-review:8h}") Duration finalReview,
                        @Value("${credit-suite.approval.sla.recheck:4h}") Duration recheck) {
        return new SlaPolicy(Map.of(ReviewStep.FIRST_REVIEW, firstReview, ReviewStep.FINAL_REVIEW, finalReview,
                ReviewStep.RECHECK, recheck));
    }

    @Bean
    ReviewDesk reviewDesk(ApplicationRepository applications, ReviewTasks tasks, JdbcStaffDirectory staff,
                          DecisionEvents events, SlaPolicy slaPolicy, Clock approvalClock) {
        return new ReviewDeskService(applications, tasks, staff, events, slaPolicy, approvalClock);
    }

    @Bean
    SlaEscalation slaEscalation(ApplicationRepository applications, ReviewTasks tasks, JdbcStaffDirectory staff,
                                SlaPolicy slaPolicy) {
        return new SlaEscalation(applications, tasks, staff, slaPolicy);
    }

    /** Escalates overdue tasks every {@code credit-suite.approval.sla-interval} (1 min); each task once. */
    @Bean
    SlaSweeper slaSweeper(SlaEscalation escalation, Clock approvalClock) {
        return new SlaSweeper(escalation, approvalClock);
    }

    static class SlaSweeper {
        private final SlaEscalation escalation;
        private final Clock clock;

        SlaSweeper(SlaEscalation escalation, Clock clock) {
            this.escalation = escalation;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${credit-suite.approval.sla-interval:1m}")
        void sweep() {
            try {
                int escalated = escalation.escalateOverdue(clock.instant());
                if (escalated > 0) {
                    LoggerFactory.getLogger(ReviewConfiguration.class).info("{} overdue review task(s) escalated",
                            escalated);
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ReviewConfiguration.class).warn("the SLA sweep failed; the next one retries",
                        e);
            }
        }
    }

    /**
     * The devstack's reviewers, each signing in to the workbench with {@code credit-suite.approval.demo-staff.password}
     * ("demo"), one per role in the east region and one first reviewer in the west (demo only).
     */
    @Bean
    @ConditionalOnProperty("credit-suite.approval.demo-staff.enabled")
    ApplicationRunner demoStaff(JdbcStaffDirectory staff, Environment environment, PasswordEncoder passwords,
                                @Value("${credit-suite.approval.demo-staff.password:demo}") String password) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("credit-suite.approval.demo-staff.enabled adds local demo reviewers; it is"
                    + " refused in the prod profile");
        }
        return args -> {
            long added = demoMembers().stream().filter(staff::insertIfMissing).count();
            demoMembers().forEach(m -> staff.setPasswordIfMissing(m.username(), passwords.encode(password)));
            LoggerFactory.getLogger(ReviewConfiguration.class).warn("DEMO STAFF enabled: {} local reviewers added"
                    + " (credit-suite.approval.demo-staff.enabled; never in production)", added);
        };
    }

    static List<Staff> demoMembers() {
        Set<String> lines = Set.of("DEALER", "CONSUMER");
        return List.of(
                new Staff("ann", "Ann (first review)", Set.of(StaffRole.FIRST_REVIEWER), "/HQ/RISK/EAST", "/CN/EAST",
                        lines, Set.of()),
                new Staff("ben", "Ben (first review)", Set.of(StaffRole.FIRST_REVIEWER), "/HQ/RISK/EAST", "/CN/EAST",
                        lines, Set.of()),
                new Staff("cat", "Cat (final review)", Set.of(StaffRole.FINAL_REVIEWER), "/HQ/RISK/EAST", "/CN/EAST",
                        lines, Set.of()),
                new Staff("dan", "Dan (recheck)", Set.of(StaffRole.RECHECKER), "/HQ/RISK/EAST", "/CN", lines,
                        Set.of()),
                new Staff("eve", "Eve (team lead)", Set.of(StaffRole.TEAM_LEAD, StaffRole.FIRST_REVIEWER,
                        StaffRole.FINAL_REVIEWER), "/HQ/RISK/EAST", "/CN/EAST", lines, Set.of()),
                new Staff("wes", "Wes (first review, west)", Set.of(StaffRole.FIRST_REVIEWER), "/HQ/RISK/WEST",
                        "/CN/WEST", lines, Set.of()),
                new Staff("rita", "Rita (rule admin)", Set.of(StaffRole.RULE_ADMIN), "/HQ/RISK", "/CN", lines,
                        Set.of()),
                new Staff("audrey", "Audrey (auditor)", Set.of(StaffRole.AUDITOR), "/HQ/AUDIT", "/CN", lines,
                        Set.of()));
    }
}
