package io.creditsuite.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.Middleware;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** What a service's @SpringBootTest gets: the overrides, ahead of its application.yml. */
class MiddlewareInitializerIT {

    @Test
    void the_context_sees_the_middleware_ahead_of_its_own_configuration() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
                    "spring.application.name", "credit-service",
                    "creditsuite.test.middleware", "database,zookeeper",
                    "dubbo.registry.address", "zookeeper://127.0.0.1:2181")));
            new MiddlewareInitializer().initialize(context);
            assertThat(context.getEnvironment().getProperty("dubbo.registry.address"))
                    .isEqualTo(Middleware.shared().zookeeperAddress());
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(Middleware.shared().jdbcUrl("credit_service"));
            assertThat(context.getEnvironment().getProperty("rocketmq.name-server")).isNull();
        }
    }
}
