package io.creditsuite.credit.infrastructure.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * docs/events.md is the contract reconcile-service codes against: each lending event's example there has exactly the
 * fields, in order, that OutboxLendingEvents writes.
 */
class LendingEventsDocumentedTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_lending_event_s_fields_are_exactly_those_of_its_example_in_the_events_doc() throws Exception {
        List<OutboxMessage> appended = new ArrayList<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("outbox", (Outbox) appended::add);
        OutboxLendingEvents events = new OutboxLendingEvents(beans.getBeanProvider(Outbox.class),
                Clock.fixed(T0, ZoneOffset.UTC));
        LendingPartner partner = new LendingPartner("p1", "Bank", "CNY", 900, 901, T0);
        PartnerCustomer customer = new PartnerCustomer("CU1", "p1", "ref", "Alice", null, "h", 5000L, T0);
        Loan pending = Loan.pending("LN1", new PartnerRequest("p1", "d-1", "h"), new LoanTerms("CU1", "L1", 7, 300, "CNY",
                "6222-0001"), T0).inTransaction("xid-1");
        Loan committed = pending.committed();
        Loan active = committed.disbursedAt(T0.plusSeconds(2));
        Repayment done = Repayment.pending("RP1", new PartnerRequest("p1", "r-1", "h"), "LN1", 1,
                new Repayment.RepaymentAmounts(100, 5, "CNY"), "payer", T0).done(T0.plusSeconds(9));

        events.drawdownCommitted(committed, partner, customer);
        events.drawdownRefused(pending.refused(new Refusal(RefusalReason.LIMIT_INSUFFICIENT, "node 7")));
        events.disbursed(active, partner, customer);
        events.repaid(done, active.repaid(100), partner, customer);

        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(appended).hasSize(4);
        for (OutboxMessage m : appended) {
            List<String> written = new ArrayList<>();
            JSON.readTree(m.payloadJson()).fieldNames().forEachRemaining(written::add);
            List<String> documented = new ArrayList<>();
            JSON.readTree(example(doc, m.eventType())).fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(m.eventType() + " in docs/events.md").containsExactlyElementsOf(written);
        }
    }

    /** The JSON block that follows the heading {@code #### <type>}. */
    private static String example(String doc, String eventType) {
        int heading = doc.indexOf("#### " + eventType + "\n");
        assertThat(heading).as("a '#### " + eventType + "' section in docs/events.md").isNotNegative();
        int start = doc.indexOf("```json\n", heading) + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
