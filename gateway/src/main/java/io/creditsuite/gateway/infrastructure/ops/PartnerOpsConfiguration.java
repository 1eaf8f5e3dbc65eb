package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.gateway.infrastructure.security.SecretCipher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the operator endpoints' store. */
@Configuration(proxyBeanMethods = false)
public class PartnerOpsConfiguration {
    @Bean
    JdbcPartnerAdmin jdbcPartnerAdmin(JdbcTemplate jdbc, PlatformTransactionManager transactions, SecretCipher cipher,
                                      Clock clock) {
        return new JdbcPartnerAdmin(jdbc, new TransactionTemplate(transactions), cipher, clock);
    }
}
