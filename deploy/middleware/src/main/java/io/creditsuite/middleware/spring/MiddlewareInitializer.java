package io.creditsuite.middleware.spring;

import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.Middleware.Component;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test at {@link Middleware#shared()} before its context refreshes:
 * <pre>{@code
 * @SpringBootTest
 * @ContextConfiguration(initializers = MiddlewareInitializer.class)
 * @TestPropertySource(properties = {
 *         "creditsuite.test.database=credit",                     // optional, see below
 *         "creditsuite.test.middleware=database,zookeeper,seata"  // optional, default: all
 * })
 * class FreezeLimitIT { ... }
 * }</pre>
 *
 * <p>The database name comes from {@value #DATABASE_PROPERTY}, else from the service's own
 * {@value #SERVICE_DATABASE_PROPERTY} (e.g. {@code cs_credit}), else from
 * {@code spring.application.name} ({@code credit-service} gives {@code credit_service}).
 * Components come from {@value #COMPONENTS_PROPERTY} (comma-separated names of
 * {@link Component}, any case), default all. The properties of
 * {@link Middleware#springProperties(String, Set)} are added with the highest precedence, so they
 * override the service's {@code application.yml}.
 */
public class MiddlewareInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "creditsuite.test.database";
    /** The database a credit-suite service names in its application.yml. */
    public static final String SERVICE_DATABASE_PROPERTY = "credit-suite.database";
    public static final String COMPONENTS_PROPERTY = "creditsuite.test.middleware";
    public static final String PROPERTY_SOURCE_NAME = "creditsuiteMiddleware";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Set<Component> components = components(environment.getProperty(COMPONENTS_PROPERTY));
        String database = components.contains(Component.DATABASE) ? database(environment) : null;
        Map<String, Object> properties = new LinkedHashMap<>(
                Middleware.shared().springProperties(database, components));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    static String database(ConfigurableEnvironment environment) {
        String database = environment.getProperty(DATABASE_PROPERTY);
        if (database == null || database.isBlank()) {
            database = environment.getProperty(SERVICE_DATABASE_PROPERTY);
        }
        if (database == null || database.isBlank()) {
            String application = environment.getProperty("spring.application.name");
            if (application == null || application.isBlank()) {
                throw new IllegalStateException("MiddlewareInitializer needs a database name: set "
                        + DATABASE_PROPERTY + " (e.g. @TestPropertySource(properties = \""
                        + DATABASE_PROPERTY + "=credit\")) or spring.application.name");
            }
            database = application.replaceAll("[^A-Za-z0-9_]", "_");
        }
        return database.trim();
    }

    static Set<Component> components(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Component.class);
        }
        Set<Component> components = EnumSet.noneOf(Component.class);
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                components.add(Component.valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(COMPONENTS_PROPERTY + ": unknown component '" + trimmed
                        + "', expected any of " + EnumSet.allOf(Component.class), e);
            }
        }
        return components;
    }
}
