package io.creditsuite.account.infrastructure.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every event type account-service publishes is documented in docs/events.md. */
class LedgerEventTypesDocumentedTest {

    @Test
    void every_ledger_event_type_and_its_topic_are_in_the_events_doc() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(doc).contains("`" + OutboxLedgerEvents.TOPIC + "`", "`" + OutboxLedgerEvents.CONFIRMED + "`",
                "`" + OutboxLedgerEvents.CANCELLED + "`", "`" + OutboxLedgerEvents.LOAN_REPAID + "`");
    }
}
