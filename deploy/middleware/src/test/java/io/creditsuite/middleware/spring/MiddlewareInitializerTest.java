package io.creditsuite.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.middleware.Middleware.Component;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The parsing half of the initializer; starting middleware is covered by MiddlewareInitializerIT. */
class MiddlewareInitializerTest {

    @Test
    void components_are_all_by_default_and_otherwise_a_case_insensitive_list() {
        assertThat(MiddlewareInitializer.components(null)).containsExactlyInAnyOrder(Component.values());
        assertThat(MiddlewareInitializer.components(" database , Seata ,"))
                .containsExactlyInAnyOrder(Component.DATABASE, Component.SEATA);
        assertThatThrownBy(() -> MiddlewareInitializer.components("database,kafka"))
                .hasMessageContaining("unknown component 'kafka'");
    }

    @Test
    void the_database_is_named_explicitly_or_after_the_application() {
        assertThat(MiddlewareInitializer.database(environment(Map.of(
                "creditsuite.test.database", "ledger", "spring.application.name", "account-service"))))
                .isEqualTo("ledger");
        assertThat(MiddlewareInitializer.database(environment(Map.of(
                "credit-suite.database", "cs_account", "spring.application.name", "account-service"))))
                .isEqualTo("cs_account");
        assertThat(MiddlewareInitializer.database(environment(Map.of("spring.application.name", "account-service"))))
                .isEqualTo("account_service");
        assertThatThrownBy(() -> MiddlewareInitializer.database(environment(Map.of())))
                .hasMessageContaining("creditsuite.test.database");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
