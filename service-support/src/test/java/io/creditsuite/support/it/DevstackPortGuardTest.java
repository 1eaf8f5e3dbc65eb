package io.creditsuite.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.creditsuite.middleware.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * {@link DevstackPortGuard} stops a test context that configures a devstack port before it binds
 * anything, and lets one on free ports start. The fixtures are loaded through Spring's own
 * TestContext framework, exactly as a {@code @SpringBootTest} class is.
 */
class DevstackPortGuardTest {

    @Test
    void a_test_context_configuring_a_devstack_dubbo_port_does_not_start() {
        Throwable failure = catchThrowable(() -> load(DubboOnDevstackPort.class));

        assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DevstackPortGuard")
                .hasMessageContaining("dubbo.protocol.port = 20884");
    }

    @Test
    void a_test_context_whose_web_server_would_take_a_devstack_port_does_not_start() {
        Throwable failure = catchThrowable(() -> load(WebServerOnDevstackPort.class));

        assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DevstackPortGuard")
                .hasMessageContaining("would start its web server on port 8083");
    }

    @Test
    void a_test_context_on_free_ports_starts() {
        ApplicationContext context = load(WebServerOnRandomPort.class);

        int bound = context.getEnvironment().getProperty("local.server.port", Integer.class);
        assertThat(bound).isPositive();
        assertThat(io.creditsuite.middleware.DevstackDefaultPorts.contains(bound)).isFalse();
    }

    @Test
    void every_devstack_port_is_refused_and_a_free_port_is_not() {
        for (int port : io.creditsuite.middleware.DevstackDefaultPorts.all()) {
            assertThat(catchThrowable(() -> DevstackPortGuard.check("binds", port))).as("port %d", port)
                    .isInstanceOf(IllegalStateException.class);
        }
        DevstackPortGuard.check("binds", Ports.freePort());
    }

    private static ApplicationContext load(Class<?> testClass) {
        return new TestContextManager(testClass).getTestContext().getApplicationContext();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @SpringBootConfiguration
    static class NoBeans {
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
    static class JustAWebServer {
    }

    @SpringBootTest(classes = NoBeans.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
            properties = "dubbo.protocol.port=20884")
    static class DubboOnDevstackPort {
    }

    @SpringBootTest(classes = JustAWebServer.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
            properties = "server.port=8083")
    static class WebServerOnDevstackPort {
    }

    @SpringBootTest(classes = JustAWebServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    static class WebServerOnRandomPort {
    }
}
