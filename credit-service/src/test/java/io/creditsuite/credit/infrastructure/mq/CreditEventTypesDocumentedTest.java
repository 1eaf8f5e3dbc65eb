package io.creditsuite.credit.infrastructure.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.credit.domain.FlowType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every event type credit-service publishes has its own tag and is documented in docs/events.md. */
class CreditEventTypesDocumentedTest {

    @Test
    void each_flow_type_has_its_own_event_type_and_every_one_is_in_the_events_doc() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(Arrays.stream(FlowType.values()).map(OutboxCreditEvents::eventType).distinct())
                .hasSize(FlowType.values().length)
                .allSatisfy(type -> assertThat(doc).contains("`" + type + "`"));
        assertThat(doc).contains("`" + OutboxCreditEvents.LINE_STATUS_CHANGED + "`", "`" + OutboxCreditEvents.TOPIC + "`");
    }
}
