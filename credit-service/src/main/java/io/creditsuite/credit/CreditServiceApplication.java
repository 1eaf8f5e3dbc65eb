package io.creditsuite.credit;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Credit limits (授信额度): limit DAG, freeze/use/return as TCC, maintenance, warnings, replay. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableDubbo
public class CreditServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CreditServiceApplication.class, args);
    }
}
