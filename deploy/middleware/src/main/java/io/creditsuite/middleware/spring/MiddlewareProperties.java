package io.creditsuite.middleware.spring;

import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.Middleware.Component;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code @DynamicPropertySource} way to use {@link Middleware#shared()}:
 * <pre>{@code
 * @DynamicPropertySource
 * static void middleware(DynamicPropertyRegistry registry) {
 *     MiddlewareProperties.register(registry, "credit");                       // everything
 *     MiddlewareProperties.register(registry, "credit", Component.DATABASE);  // only MariaDB
 * }
 * }</pre>
 * Components start when this is called, i.e. before the context refreshes.
 */
public final class MiddlewareProperties {

    private MiddlewareProperties() {
    }

    /** Registers the properties of {@code components} (all when none are given). */
    public static void register(DynamicPropertyRegistry registry, String database, Component... components) {
        EnumSet<Component> wanted = components.length == 0 ? EnumSet.allOf(Component.class)
                : EnumSet.copyOf(List.of(components));
        Map<String, String> properties = Middleware.shared().springProperties(database, wanted);
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }
}
