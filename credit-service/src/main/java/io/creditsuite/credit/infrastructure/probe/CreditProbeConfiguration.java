package io.creditsuite.credit.infrastructure.probe;

import io.creditsuite.api.probe.AccountProbeService;
import io.creditsuite.support.probe.TccProbeBranchStore;
import java.time.Clock;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CreditProbeConfiguration {

    @Bean
    TccProbeBranchStore tccProbeBranchStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                            Clock clock, Environment environment) {
        return new TccProbeBranchStore(jdbc, transactionManager,
                environment.getRequiredProperty("spring.application.name"), CreditTccProbeAction.NAME, clock);
    }

    /** account-service's probes; the try's timeout is set per call (credit-suite.probe.account-try-timeout). */
    @Bean
    @DubboReference
    ReferenceBean<AccountProbeService> accountProbeService() {
        return new ReferenceBean<>();
    }
}
