package io.creditsuite.support.mq;

import io.creditsuite.support.env.Environments;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The service's RocketMQ topics and consumer groups ({@link MqTopicsProperties}) exist before
 * anything of it sends or consumes: created (CREATE, the default) or checked (VERIFY) in the
 * first lifecycle phase, before the consumers start and before Dubbo exports the service. The
 * service does not start when RocketMQ cannot be reached or something is missing; the log says
 * which name server and what.
 */
public class MqTopicsAtStart implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MqTopicsAtStart.class);

    private final MqTopicsProperties properties;
    private final String nameServer;
    private volatile boolean running;

    private final String env;

    /** {@code env}: the instance's environment; a branch's consumer groups are {@code <group>-<env>}. */
    public MqTopicsAtStart(MqTopicsProperties properties, String nameServer, String env) {
        this.properties = properties;
        this.nameServer = nameServer;
        this.env = env;
    }

    @Override
    public void start() {
        running = true;
        List<String> topics = properties.topics();
        List<String> groups = properties.consumerGroups().stream().map(g -> Environments.consumerGroup(g, env)).toList();
        if (properties.atStart() == MqTopicsProperties.AtStart.SKIP || topics.isEmpty() && groups.isEmpty()) {
            return;
        }
        if (nameServer == null || nameServer.isBlank()) {
            throw new IllegalStateException("credit-suite.mq lists topics " + topics + " but rocketmq.name-server is not set");
        }
        try (RocketMqTopics rocketMq = new RocketMqTopics(nameServer, properties.adminTimeout())) {
            if (properties.atStart() == MqTopicsProperties.AtStart.VERIFY) {
                List<String> missing = rocketMq.missing(topics, groups);
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("RocketMQ at name server " + nameServer + " lacks " + missing
                            + "; provision them (see the README's production section) or set credit-suite.mq.at-start=CREATE");
                }
                log.info("RocketMQ at {}: topics {} and consumer groups {} exist (verified)", nameServer, topics, groups);
            } else {
                RocketMqTopics.Report report = rocketMq.create(topics, groups, properties.queuesPerTopic(),
                        properties.adminTimeout());
                log.info("RocketMQ at {}: {}", nameServer, report);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First of all lifecycles: before the consumers (default phase) start. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
