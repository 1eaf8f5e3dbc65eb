package io.creditsuite.gateway.infrastructure.config;

import io.creditsuite.gateway.application.callback.CallbackOperations;
import io.creditsuite.gateway.application.callback.DispatchCallbacks;
import io.creditsuite.gateway.application.callback.RecordCallback;
import io.creditsuite.gateway.domain.callback.CallbackBackoff;
import io.creditsuite.gateway.domain.callback.CallbackUrlPolicy;
import io.creditsuite.gateway.infrastructure.callback.CallbackDispatchRunner;
import io.creditsuite.gateway.infrastructure.callback.CallbackProperties;
import io.creditsuite.gateway.infrastructure.callback.JdbcCallbackDeliveries;
import io.creditsuite.gateway.infrastructure.callback.JdbcCallbackKeys;
import io.creditsuite.gateway.infrastructure.callback.JdkCallbackSender;
import io.creditsuite.gateway.infrastructure.mq.ApprovalDecisionConsumer;
import io.creditsuite.support.mq.PushConsumer;
import io.creditsuite.gateway.infrastructure.mq.ApprovalDecisionListener;
import io.creditsuite.gateway.infrastructure.security.SecretCipher;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.mq.ConsumedMessages;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Signed decision callbacks (README, "Decision callbacks"): the use cases always (operators and tests use them); the
 * consumer of CS_APPROVAL_EVENTS and the dispatcher's timer while {@code credit-suite.gateway.callbacks.enabled}.
 */
@Configuration(proxyBeanMethods = false)
public class CallbackWiring {

    @Bean
    JdbcCallbackDeliveries jdbcCallbackDeliveries(JdbcTemplate jdbc) {
        return new JdbcCallbackDeliveries(jdbc);
    }

    @Bean
    CallbackUrlPolicy callbackUrlPolicy(CallbackProperties properties, Environment environment) {
        if (!properties.allowLoopbackHttp()) {
            return CallbackUrlPolicy.httpsOnly();
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("credit-suite.gateway.callbacks.allow-loopback-http lets signed callbacks"
                    + " go out over plain http (to loopback hosts); it is for tests and the devstack and refused in the"
                    + " prod profile");
        }
        return CallbackUrlPolicy.httpsOrLoopbackHttp();
    }

    @Bean
    RecordCallback recordCallback(JdbcCallbackDeliveries deliveries, CallbackUrlPolicy urls) {
        return new RecordCallback(deliveries, urls);
    }

    @Bean
    DispatchCallbacks dispatchCallbacks(JdbcCallbackDeliveries deliveries, JdbcTemplate jdbc, SecretCipher cipher,
                                        CallbackUrlPolicy urls, CallbackProperties p) {
        return new DispatchCallbacks(deliveries, new JdbcCallbackKeys(jdbc, cipher),
                new JdkCallbackSender(p.connectTimeout(), p.readTimeout()), urls,
                new DispatchCallbacks.Settings(new CallbackBackoff(p.firstRetry(), p.maxRetryDelay(), p.maxAttempts()),
                        p.batch(), p.lease()));
    }

    @Bean
    CallbackOperations callbackOperations(JdbcCallbackDeliveries deliveries) {
        return new CallbackOperations(deliveries);
    }

    /** The consumer and the dispatcher's timer: off in ITs that run without a broker or drive the time themselves. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "credit-suite.gateway.callbacks.enabled", havingValue = "true", matchIfMissing = true)
    static class Running {
        /** The dedupe row and the delivery row on the one DataSource and transaction manager: they commit together. */
        @Bean
        ApprovalDecisionListener approvalDecisionListener(RecordCallback callbacks, JdbcTemplate jdbc,
                                                          PlatformTransactionManager transactions, Clock clock) {
            ConsumeOnce once = new ConsumeOnce(new ConsumedMessages(jdbc, transactions, clock), transactions,
                    ApprovalDecisionConsumer.GROUP);
            return new ApprovalDecisionListener(callbacks, once, clock);
        }

        @Bean
        PushConsumer approvalDecisionConsumer(ApprovalDecisionListener listener,
                                              @Value("${rocketmq.name-server}") String nameServer) {
            return ApprovalDecisionConsumer.of(listener, nameServer);
        }

        @Bean
        CallbackDispatchRunner callbackDispatchRunner(DispatchCallbacks dispatch, Clock clock, CallbackProperties p) {
            return new CallbackDispatchRunner(dispatch, clock, p.dispatchEvery(), p.dispatchThreads());
        }
    }
}
