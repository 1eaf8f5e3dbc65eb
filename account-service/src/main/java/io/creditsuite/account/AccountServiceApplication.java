package io.creditsuite.account;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Double-entry ledger (账务): accounts, journal, postings, reversal, hot accounts, day-end cutover. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableDubbo
public class AccountServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(AccountServiceApplication.class, args);
    }
}
