package io.creditsuite.account.infrastructure.probe;

import io.creditsuite.support.probe.TccProbeBranchStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class AccountProbeConfiguration {

    @Bean
    TccProbeBranchStore tccProbeBranchStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                            Clock clock, Environment environment) {
        return new TccProbeBranchStore(jdbc, transactionManager,
                environment.getRequiredProperty("spring.application.name"), AccountTccProbeAction.NAME, clock);
    }

    @Bean
    LateTryHold lateTryHold(AccountProbeProperties properties) {
        return new LateTryHold(properties.lateTryHold());
    }
}
