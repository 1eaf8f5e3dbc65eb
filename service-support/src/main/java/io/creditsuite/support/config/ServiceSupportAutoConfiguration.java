package io.creditsuite.support.config;

import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.metrics.RpcTimers;
import io.creditsuite.support.metrics.TccFenceMetrics;
import io.creditsuite.support.resilience.DubboResilience;
import io.creditsuite.support.resilience.ResilienceRulesFile;
import io.creditsuite.support.mq.MqTopicsAtStart;
import io.creditsuite.support.mq.MqTopicsProperties;
import io.creditsuite.support.env.EnvRoutingMetrics;
import io.creditsuite.support.env.EnvServletFilter;
import io.creditsuite.support.env.Environments;
import io.creditsuite.support.requestid.RequestIdServletFilter;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Beans every credit-suite service gets by having service-support on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(MiddlewareProperties.class)
public class ServiceSupportAutoConfiguration {

    @Bean
    BuildInfoSource buildInfoSource(Environment env, ObjectProvider<BuildProperties> build,
                                    ObjectProvider<GitProperties> git) {
        return new BuildInfoSource(env.getRequiredProperty("spring.application.name"),
                build.getIfAvailable(), git.getIfAvailable());
    }

    /** One clock for every timestamp a service writes; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Hands the registry to the Dubbo call timers (RpcTimerDubboFilter), which Dubbo, not Spring, creates. */
    @Bean
    RpcTimers rpcTimers() {
        return new RpcTimers();
    }

    /** Hands the registry to environment routing's counters (EnvDubboFilter and the consumers' gate). */
    @Bean
    EnvRoutingMetrics envRoutingMetrics() {
        return new EnvRoutingMetrics();
    }

    /**
     * The Dubbo edges' breakers and providers' limits (SentinelDubboFilter) from {@code credit-suite.resilience.*}
     * (credit-suite-defaults.yml; a service overrides them in its application.yml).
     */
    @Bean
    DubboResilience.Settings dubboResilience(Environment env) {
        DubboResilience.Settings settings = new DubboResilience.Settings(
                env.getRequiredProperty("credit-suite.resilience.slow-call", Duration.class),
                env.getRequiredProperty("credit-suite.resilience.slow-ratio", Double.class),
                env.getRequiredProperty("credit-suite.resilience.error-ratio", Double.class),
                env.getRequiredProperty("credit-suite.resilience.min-calls", Integer.class),
                env.getRequiredProperty("credit-suite.resilience.stat-window", Duration.class),
                env.getRequiredProperty("credit-suite.resilience.open-for", Duration.class),
                env.getRequiredProperty("credit-suite.resilience.provider-qps", Double.class));
        DubboResilience.configure(settings);
        return settings;
    }

    /** With {@code credit-suite.resilience.rules-file}, the Dubbo edges' settings change without a restart. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${credit-suite.resilience.rules-file:}' != ''")
    ResilienceRulesFile resilienceRulesFile(Environment env, DubboResilience.Settings configured) throws IOException {
        return new ResilienceRulesFile(new File(env.getRequiredProperty("credit-suite.resilience.rules-file")),
                env.getProperty("credit-suite.resilience.refresh", Duration.class, Duration.ofSeconds(2)).toMillis(),
                configured);
    }

    /** A TCC resource manager (its Flyway locations hold db/tcc, the fence log) exports its unfinished branches. */
    @Bean
    @ConditionalOnExpression("'${spring.flyway.locations:}'.contains('db/tcc')")
    TccFenceMetrics tccFenceMetrics(JdbcTemplate jdbc, Clock clock) {
        return new TccFenceMetrics(jdbc, clock);
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RequestIdServletFilter> requestIdServletFilter() {
        FilterRegistrationBean<RequestIdServletFilter> registration =
                new FilterRegistrationBean<>(new RequestIdServletFilter());
        // first, so that every later filter and the access log see the id
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A request's environment (header X-Env) into the log context, after its request id (first) and, in the gateway,
     * after the trace id header (+10) so a refusal still carries it.
     */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<EnvServletFilter> envServletFilter() {
        FilterRegistrationBean<EnvServletFilter> registration = new FilterRegistrationBean<>(new EnvServletFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /** The RocketMQ topics and consumer groups a service lists under credit-suite.mq exist before it starts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.client.impl.MQClientAPIImpl")
    @EnableConfigurationProperties(MqTopicsProperties.class)
    static class RocketMqTopicsConfiguration {
        @Bean
        MqTopicsAtStart mqTopicsAtStart(MqTopicsProperties properties, Environment env) {
            return new MqTopicsAtStart(properties, env.getProperty("rocketmq.name-server"),
                    Environments.instanceEnvironment(env.getProperty(Environments.PROPERTY, "")));
        }
    }
}
