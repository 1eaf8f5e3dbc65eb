package io.creditsuite.credit;

import io.creditsuite.credit.infrastructure.ops.ReplayCommand;
import java.util.Optional;
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
        Optional<String> refused = ReplayCommand.refusalOf(args);
        if (refused.isPresent()) {
            System.out.println(refused.get());
            System.exit(ReplayCommand.REFUSED);
        }
        SpringApplication.run(CreditServiceApplication.class, args);
    }
}
