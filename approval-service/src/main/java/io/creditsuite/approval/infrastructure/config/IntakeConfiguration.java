package io.creditsuite.approval.infrastructure.config;

import io.creditsuite.approval.application.check.AutomaticChecks;
import io.creditsuite.approval.application.check.RuleAdministration;
import io.creditsuite.approval.application.check.RuleCatalog;
import io.creditsuite.approval.application.check.RuleBasedChecks;
import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.approval.application.intake.ApplicationQueries;
import io.creditsuite.approval.application.intake.CallbackUrls;
import io.creditsuite.approval.application.intake.ExistingExposure;
import io.creditsuite.approval.application.intake.IntakeRecorder;
import io.creditsuite.approval.application.intake.SubmitApplicationHandler;
import io.creditsuite.approval.application.intake.SupplementHandler;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.check.ExpressionEngine;
import io.creditsuite.approval.infrastructure.audit.JdbcAuditTrail;
import io.creditsuite.approval.infrastructure.check.AviatorExpressionEngine;
import io.creditsuite.approval.infrastructure.check.JdbcCheckAdminStore;
import io.creditsuite.approval.infrastructure.credit.DubboExistingExposure;
import io.creditsuite.approval.infrastructure.check.JdbcBlacklist;
import io.creditsuite.approval.infrastructure.check.JdbcCheckConfiguration;
import io.creditsuite.approval.infrastructure.persistence.JdbcApplicationRepository;
import java.security.SecureRandom;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires intake and the automatic checks (issue 12) to their adapters. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Bean
    Clock approvalClock() {
        return Clock.systemUTC();
    }

    @Bean
    ApplicationRepository applicationRepository(JdbcTemplate jdbc) {
        return new JdbcApplicationRepository(jdbc);
    }

    @Bean
    ExpressionEngine expressionEngine() {
        return AviatorExpressionEngine.compiled();
    }

    @Bean
    AutomaticChecks automaticChecks(JdbcTemplate jdbc, ExpressionEngine engine) {
        return new RuleBasedChecks(new JdbcBlacklist(jdbc), new JdbcCheckConfiguration(jdbc), engine);
    }

    @Bean
    RuleAdministration ruleAdministration(JdbcTemplate jdbc, ExpressionEngine engine, Clock approvalClock) {
        return new RuleAdministration(new JdbcCheckAdminStore(jdbc, approvalClock), engine,
                new JdbcAuditTrail(jdbc, approvalClock));
    }

    @Bean
    RuleCatalog ruleCatalog(JdbcTemplate jdbc, Clock approvalClock) {
        return new RuleCatalog(new JdbcCheckConfiguration(jdbc), new JdbcCheckAdminStore(jdbc, approvalClock));
    }

    @Bean
    ApplicationQueries applicationQueries(ApplicationRepository repository) {
        return new ApplicationQueries(repository);
    }

    @Bean
    IntakeRecorder intakeRecorder(ApplicationRepository repository, ReviewTasks reviewTasks, DecisionEvents events) {
        return new IntakeRecorder(repository, reviewTasks, events);
    }

    @Bean
    SubmitApplicationHandler submitApplicationHandler(ApplicationRepository repository, AutomaticChecks checks,
                                                      ExistingExposure exposure, IntakeRecorder intakeRecorder,
                                                      Clock approvalClock, Environment environment,
                                                      @Value("${credit-suite.approval.callbacks.allow-loopback-http:false}")
                                                      boolean loopbackHttp) {
        if (loopbackHttp && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("credit-suite.approval.callbacks.allow-loopback-http accepts plain http"
                    + " callback URLs to loopback hosts; it is for tests and the devstack and refused in prod");
        }
        return new SubmitApplicationHandler(repository, checks, exposure, intakeRecorder, approvalClock,
                applicationIds(), loopbackHttp ? CallbackUrls.HTTPS_OR_LOOPBACK_HTTP : CallbackUrls.HTTPS_ONLY);
    }

    @Bean
    @DubboReference
    ReferenceBean<PartnerCustomerService> approvalPartnerCustomers() {
        return new ReferenceBean<>();
    }

    @Bean
    ExistingExposure existingExposure(PartnerCustomerService customers) {
        return new DubboExistingExposure(customers);
    }

    @Bean
    SupplementHandler supplementHandler(ApplicationRepository repository, ApplicationQueries queries,
                                        ReviewTasks reviewTasks, Clock approvalClock) {
        return new SupplementHandler(repository, queries, reviewTasks, approvalClock);
    }

    /** "AP" + epoch millis in base 36 + 8 random base-36 characters: unique, roughly time-ordered, not guessable. */
    static Supplier<String> applicationIds() {
        return () -> {
            StringBuilder id = new StringBuilder("AP").append(Long.toString(System.currentTimeMillis(), 36));
            for (int i = 0; i < 8; i++) {
                id.append(Character.forDigit(RANDOM.nextInt(36), 36));
            }
            return id.toString();
        };
    }
}
