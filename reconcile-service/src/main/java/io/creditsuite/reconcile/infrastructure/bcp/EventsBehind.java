package io.creditsuite.reconcile.infrastructure.bcp;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes {@code bcp_events_behind{topic}}: how many events of each topic BCP's consumer group has not consumed
 * yet, read from the broker. A read that fails counts {@code bcp_events_behind_failures_total} and leaves the
 * topic's gauge at its last value (a broker that cannot be asked is not a broker with nothing behind); the next
 * refresh reads again.
 */
public final class EventsBehind {
    private static final Logger LOG = LoggerFactory.getLogger(EventsBehind.class);

    /** The broker's count of a group's unconsumed messages on a topic ({@link BrokerConsumerLag}). */
    public interface Lag {
        long behind(String group, String topic);
    }

    private final Lag lag;
    private final String group;
    private final List<String> topics;
    private final BcpMetrics metrics;

    public EventsBehind(Lag lag, String group, List<String> topics, BcpMetrics metrics) {
        this.lag = lag;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.metrics = metrics;
    }

    /** @return how many topics could not be read this time */
    public int refresh() {
        int failed = 0;
        for (String topic : topics) {
            try {
                metrics.eventsBehind(topic, lag.behind(group, topic));
            } catch (RuntimeException e) {
                metrics.eventsBehindReadFailed();
                LOG.warn("bcp_events_behind of {} keeps its last value: {}", topic, e.getMessage());
                failed++;
            }
        }
        return failed;
    }
}
