package io.creditsuite.reconcile.infrastructure.probe;

import io.creditsuite.support.mq.ConsumedMessages;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class ReconcileProbeConfiguration {

    @Bean
    ConsumedMessages consumedMessages(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        return new ConsumedMessages(jdbc, transactionManager, clock);
    }
}
