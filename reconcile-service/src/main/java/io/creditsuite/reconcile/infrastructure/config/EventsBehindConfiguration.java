package io.creditsuite.reconcile.infrastructure.config;

import io.creditsuite.reconcile.infrastructure.bcp.BcpEventConsumer;
import io.creditsuite.reconcile.infrastructure.bcp.BcpMetrics;
import io.creditsuite.reconcile.infrastructure.bcp.BrokerConsumerLag;
import io.creditsuite.reconcile.infrastructure.bcp.EventsBehind;
import io.creditsuite.support.schedule.PeriodicSweep;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * {@code bcp_events_behind{topic}}: how far BCP's consumer group is behind on the business events, read from the
 * broker every {@code credit-suite.bcp.events-behind-interval} (15 s).
 */
@Configuration(proxyBeanMethods = false)
class EventsBehindConfiguration {

    @Bean(destroyMethod = "close")
    BrokerConsumerLag bcpBrokerConsumerLag(@Value("${rocketmq.name-server}") String nameServer) {
        return new BrokerConsumerLag(nameServer, Duration.ofSeconds(3));
    }

    @Bean
    EventsBehind bcpEventsBehind(BrokerConsumerLag lag, BcpMetrics metrics) {
        return new EventsBehind(lag, BcpEventConsumer.GROUP,
                List.of(BcpEventConsumer.CREDIT_TOPIC, BcpEventConsumer.LEDGER_TOPIC), metrics);
    }

    @Bean
    SchedulingConfigurer bcpEventsBehindRefresh(EventsBehind eventsBehind,
                                                @Value("${credit-suite.bcp.events-behind-interval:15s}") Duration interval) {
        return PeriodicSweep.every(interval, "topic(s) whose events-behind could not be read", eventsBehind::refresh);
    }
}
