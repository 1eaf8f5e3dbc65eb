package io.creditsuite.support.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import java.util.Map;

class CreditSuiteDefaultsTest {

    @Test
    void defaults_point_every_client_at_the_local_middleware() {
        StandardEnvironment env = environment(Map.of());

        assertEquals("zookeeper://127.0.0.1:2181", env.getProperty("dubbo.registry.address"));
        assertEquals("127.0.0.1:9876", env.getProperty("rocketmq.name-server"));
        assertEquals("127.0.0.1:8091", env.getProperty("seata.service.grouplist.default"));
    }

    @Test
    void one_middleware_setting_moves_every_client_that_uses_it() {
        StandardEnvironment env = environment(Map.of("credit-suite.middleware.zookeeper", "10.0.0.5:2182",
                "credit-suite.middleware.db-port", "3307", "credit-suite.database", "cs_test"));

        assertEquals("zookeeper://10.0.0.5:2182", env.getProperty("dubbo.registry.address"));
        assertEquals("jdbc:mysql://127.0.0.1:3307/cs_test", env.getProperty("spring.datasource.url").split("\\?")[0]);
    }

    @Test
    void the_prod_profile_switches_registry_and_config_center_to_nacos() {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("prod");
        new CreditSuiteDefaults().postProcessEnvironment(env, new SpringApplication());

        assertEquals("nacos://nacos:8848", env.getProperty("dubbo.registry.address"));
        assertEquals("nacos://nacos:8848", env.getProperty("dubbo.config-center.address"));
        assertEquals("nacos", env.getProperty("seata.registry.type"));
    }

    @Test
    void a_service_setting_wins_over_the_shared_default() {
        StandardEnvironment env = environment(Map.of("dubbo.registry.address", "zookeeper://elsewhere:1"));

        assertEquals("zookeeper://elsewhere:1", env.getProperty("dubbo.registry.address"));
    }

    private static StandardEnvironment environment(Map<String, Object> serviceProperties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("service", serviceProperties));
        new CreditSuiteDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
