package io.creditsuite.support.it;

import io.creditsuite.middleware.DevstackDefaultPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.config.ServiceConfigBase;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Fails every Spring test context that would bind a port of a devstack started with its defaults
 * ({@link DevstackDefaultPorts}: 8080-8084, 20880-20884, 3306, 2181, 9876, 10909-10912, 8091, 7091),
 * so the tests keep running beside a devstack. Registered for every test context of a module that
 * has service-support's test-jar on its test classpath (every service), through
 * {@code META-INF/spring.factories}.
 *
 * <p>Checked twice: before anything binds (the configured Dubbo protocol port, the embedded web
 * server's port) and once the context is ready (the port the web server bound and the ports of
 * the Dubbo services it exported: Dubbo's default, when no port is configured, is 20880).
 */
public final class DevstackPortGuard implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Why a context may not start; its message names the port and how to pick a free one. */
    static IllegalStateException devstackPort(String what, int port) {
        return new IllegalStateException("DevstackPortGuard: this test context " + what + " " + port
                + ", a port of a devstack started with its defaults " + DevstackDefaultPorts.all()
                + ". Tests must use free ports (io.creditsuite.middleware.Ports.freePort(), server.port=0 or"
                + " SpringBootTest.WebEnvironment.RANDOM_PORT; MiddlewareInitializer sets a free dubbo.protocol.port)");
    }

    static void check(String what, int port) {
        if (DevstackDefaultPorts.contains(port)) {
            throw devstackPort(what, port);
        }
    }

    /** The configured Dubbo protocol ports: {@code dubbo.protocol.port} and {@code dubbo.protocols.NAME.port}. */
    static Map<String, Integer> configuredDubboPorts(ConfigurableEnvironment environment) {
        Map<String, Integer> ports = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        keys.add("dubbo.protocol.port");
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("dubbo.protocols.") && name.endsWith(".port")) {
                        keys.add(name);
                    }
                }
            }
        }
        for (String key : keys) {
            String value = environment.getProperty(key);
            if (value != null && !value.isBlank()) {
                try {
                    ports.put(key, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    // not a number: Dubbo itself refuses it
                }
            }
        }
        return ports;
    }

    /** Sees the web server's port after all other customizers set it, before the server binds it. */
    private static final class WebServerPortCheck
            implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {
        @Override
        public void customize(AbstractConfigurableWebServerFactory factory) {
            check("would start its web server on port", factory.getPort());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            // runs during refresh, after every initializer and @DynamicPropertySource, before anything binds
            context.addBeanFactoryPostProcessor(beanFactory -> configuredDubboPorts(context.getEnvironment())
                    .forEach((key, port) -> check("configures " + key + " =", port)));
            context.getBeanFactory().registerSingleton("devstackPortGuard.webServer", new WebServerPortCheck());
            context.addApplicationListener((ApplicationListener<ApplicationReadyEvent>) event -> checkBound(context));
        }

        private static void checkBound(ConfigurableApplicationContext context) {
            Integer httpPort = context.getEnvironment().getProperty("local.server.port", Integer.class);
            if (httpPort != null) {
                check("bound its web server to port", httpPort);
            }
            for (ServiceConfigBase<?> service : context.getBeansOfType(ServiceConfigBase.class).values()) {
                List<URL> exported = service.getExportedUrls();
                if (exported == null) {
                    continue;
                }
                for (URL url : exported) {
                    check("exported Dubbo service " + url.getServiceInterface() + " on port", url.getPort());
                }
            }
        }

        // one guard for every context: equal, so it does not split Spring's context cache
        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
