package io.creditsuite.support.config;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code credit-suite-defaults.yml} (and {@code credit-suite-defaults-prod.yml} when the
 * {@code prod} profile is active) as the LOWEST-precedence property sources, so that every
 * service shares one definition of its middleware defaults while its own application.yml,
 * environment variables and command line still win.
 */
public class CreditSuiteDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "credit-suite-defaults.yml";
    static final String PROD_DEFAULTS = "credit-suite-defaults-prod.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            load(PROD_DEFAULTS).forEach(environment.getPropertySources()::addLast);
        }
        load(DEFAULTS).forEach(environment.getPropertySources()::addLast);
    }

    private static List<PropertySource<?>> load(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from service-support", e);
        }
    }

    /** After Spring Boot's own config data processing, so that active profiles are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
