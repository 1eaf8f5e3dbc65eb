package io.creditsuite.approval.infrastructure.config;

import io.creditsuite.approval.application.report.ApprovalReports;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.infrastructure.report.JdbcDecisionCounts;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the approval reports (throughput, timeliness, backlog). */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    ApprovalReports approvalReports(JdbcTemplate jdbc, ReviewTasks tasks, SlaPolicy slaPolicy, Clock approvalClock) {
        return new ApprovalReports(new JdbcDecisionCounts(jdbc), tasks, slaPolicy, approvalClock);
    }
}
