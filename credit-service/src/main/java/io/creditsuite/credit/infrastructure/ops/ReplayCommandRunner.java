package io.creditsuite.credit.infrastructure.ops;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link ReplayCommand} at start when {@code --credit-suite.ops.command=replay|correct|import} is given,
 * then stops the application with the command's exit code, e.g.
 * {@code java -jar credit-service.jar --credit-suite.ops.command=replay}. Options:
 * {@code --credit-suite.ops.request-id=..., .actor, .reason, .nodes, .file}.
 */
@Component
@ConditionalOnProperty("credit-suite.ops.command")
class ReplayCommandRunner implements ApplicationRunner {
    private static final String PREFIX = "credit-suite.ops.";

    private final ReplayCommand command;
    private final ConfigurableApplicationContext context;

    ReplayCommandRunner(ReplayCommand command, ConfigurableApplicationContext context) {
        this.command = command;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> options = new HashMap<>();
        for (String name : new String[] {"request-id", "actor", "reason", "nodes", "file"}) {
            String value = context.getEnvironment().getProperty(PREFIX + name);
            if (value != null) {
                options.put(name, value);
            }
        }
        int code = command.run(context.getEnvironment().getProperty(PREFIX + "command"), options, System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
