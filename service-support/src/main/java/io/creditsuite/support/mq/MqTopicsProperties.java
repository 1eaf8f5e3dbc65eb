package io.creditsuite.support.mq;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RocketMQ topics and consumer groups a service needs ({@code credit-suite.mq.*}), and what it
 * does about them at start.
 *
 * @param topics         topics the service sends to or consumes
 * @param consumerGroups consumer groups the service consumes as
 * @param atStart        CREATE (default): create what is missing on every broker of the cluster;
 *                       VERIFY: create nothing, refuse to start when something is missing (production,
 *                       where the deployment provisions topics); SKIP: do nothing (tests without a broker)
 * @param queuesPerTopic read and write queues of a topic this service creates
 * @param adminTimeout   how long the whole step may take before the start fails
 */
@ConfigurationProperties("credit-suite.mq")
public record MqTopicsProperties(@DefaultValue List<String> topics, @DefaultValue List<String> consumerGroups,
                                 @DefaultValue("CREATE") AtStart atStart, @DefaultValue("4") int queuesPerTopic,
                                 @DefaultValue("30s") Duration adminTimeout) {

    public enum AtStart { CREATE, VERIFY, SKIP }
}
