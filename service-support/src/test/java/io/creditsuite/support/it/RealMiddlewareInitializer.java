package io.creditsuite.support.it;

import io.creditsuite.middleware.Middleware;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the real middleware of this test JVM (started once, on free
 * ports, by {@link Middleware#shared()}): its own database, ZooKeeper, RocketMQ and the Seata TC.
 * The database is the one the service names in {@code credit-suite.database}.
 */
public class RealMiddlewareInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = context.getEnvironment().getRequiredProperty("credit-suite.database");
        Map<String, String> properties = Middleware.shared().springProperties(database);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("real-middleware", Map.copyOf(properties)));
    }
}
