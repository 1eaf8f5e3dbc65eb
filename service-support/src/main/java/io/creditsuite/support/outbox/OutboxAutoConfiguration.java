package io.creditsuite.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox of a service with a database ({@link JdbcOutbox} on its primary JdbcTemplate) and, when it also has a
 * RocketMQ producer (rocketmq-spring's {@code DefaultMQProducer} bean, made when {@code rocketmq.producer.group} is
 * set), the relay that sends it ({@link OutboxRelayRunner}); {@code credit-suite.outbox.relay=false} turns the relay
 * off in an instance.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class,
        afterName = "org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean(Outbox.class)
    JdbcOutbox outbox(JdbcTemplate jdbc, Clock clock) {
        return new JdbcOutbox(jdbc, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.client.producer.DefaultMQProducer")
    @ConditionalOnBean(type = {"org.springframework.jdbc.core.JdbcTemplate",
            "org.apache.rocketmq.client.producer.DefaultMQProducer"})
    @ConditionalOnProperty(name = "credit-suite.outbox.relay", havingValue = "true", matchIfMissing = true)
    static class RelayConfiguration {
        @Bean
        OutboxRelay outboxRelay(JdbcTemplate jdbc, DefaultMQProducer producer, Clock clock, OutboxProperties properties,
                                ObjectProvider<MeterRegistry> meters, Environment env) {
            String instance = env.getProperty("spring.application.name", "service") + "@"
                    + ManagementFactory.getRuntimeMXBean().getName();
            return new OutboxRelay(jdbc, new RocketMqOutboxSender(producer, properties.sendTimeout().toMillis()), clock,
                    properties.batchSize(), instance, meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        OutboxRelayRunner outboxRelayRunner(OutboxRelay relay, OutboxProperties properties) {
            return new OutboxRelayRunner(relay, properties);
        }
    }
}
