package io.creditsuite.approval.infrastructure.config;

import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.application.review.AutomaticDispatch;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.application.review.ReviewDeskService;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.application.review.SlaEscalation;
import io.creditsuite.approval.domain.application.ReviewStep;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.staff.DispatchPolicy;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffRole;
import io.creditsuite.approval.infrastructure.flow.FlowableReviewTasks;
import io.creditsuite.approval.infrastructure.persistence.JdbcStaffDirectory;
import io.creditsuite.support.schedule.PeriodicSweep;
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
import org.springframework.scheduling.annotation.SchedulingConfigurer;
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
    SchedulingConfigurer slaSweep(SlaEscalation escalation, Clock approvalClock,
                                  @Value("${credit-suite.approval.sla-interval:1m}") Duration interval) {
        return PeriodicSweep.every(interval, "overdue review task(s) escalated",
                () -> escalation.escalateOverdue(approvalClock.instant()));
    }

    /**
     * Dispatches tasks left unclaimed for {@code credit-suite.approval.dispatch.after} (10 min), every
     * {@code credit-suite.approval.dispatch.interval} (30 s); applications from
     * {@code credit-suite.approval.dispatch.large-amount-minor} (1,000,000.00 in minor units) need the LARGE_AMOUNT
     * skill.
     */
    @Bean
    AutomaticDispatch automaticDispatch(ApplicationRepository applications, ReviewTasks tasks,
                                        JdbcStaffDirectory staff,
                                        @Value("${credit-suite.approval.dispatch.after:10m}") Duration after,
                                        @Value("${credit-suite.approval.dispatch.large-amount-minor:100000000}")
                                        long largeAmountMinor) {
        return new AutomaticDispatch(applications, tasks, staff, after, largeAmountMinor);
    }

    @Bean
    SchedulingConfigurer dispatchSweep(AutomaticDispatch dispatch, Clock approvalClock,
                                       @Value("${credit-suite.approval.dispatch.interval:30s}") Duration interval) {
        return PeriodicSweep.every(interval, "waiting review task(s) dispatched",
                () -> dispatch.dispatchWaiting(approvalClock.instant()));
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
                new Staff("ben", "Ben (first review, large amounts)", Set.of(StaffRole.FIRST_REVIEWER),
                        "/HQ/RISK/EAST", "/CN/EAST", lines, Set.of(DispatchPolicy.LARGE_AMOUNT)),
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
