package io.creditsuite.reconcile;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Business reconciliation (BCP, 业务核对): checks other services' events against each other. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableDubbo
public class ReconcileServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReconcileServiceApplication.class, args);
    }
}
