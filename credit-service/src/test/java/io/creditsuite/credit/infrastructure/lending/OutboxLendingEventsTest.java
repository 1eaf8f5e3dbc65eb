package io.creditsuite.credit.infrastructure.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The events' envelope and payload, and the service without an outbox. */
class OutboxLendingEventsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private final List<OutboxMessage> appended = new ArrayList<>();
    private final LendingPartner partner = new LendingPartner("p1", "Bank", "CNY", 900, 901, T0);
    private final PartnerCustomer customer = new PartnerCustomer("CU1", "p1", "ref", "Alice", null, "h", 5000L, T0);
    private final Loan active = Loan.pending("LN1", new PartnerRequest("p1", "d-1", "h"), new LoanTerms("CU1", "L1", 7,
            300, "CNY", "6222-0001"), T0).inTransaction("xid-1").committed().disbursedAt(T0.plusSeconds(2));

    private OutboxLendingEvents events(boolean withOutbox) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (withOutbox) {
            beans.registerSingleton("outbox", (Outbox) appended::add);
        }
        return new OutboxLendingEvents(beans.getBeanProvider(Outbox.class), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void a_disbursement_and_a_repayment_are_appended_keyed_by_their_ids_and_ordered_by_customer() throws Exception {
        OutboxLendingEvents events = events(true);
        events.disbursed(active, partner, customer);
        Loan repaid = active.repaid(100);
        Repayment done = Repayment.pending("RP1", new PartnerRequest("p1", "r-1", "h"), "LN1", 1,
                new Repayment.RepaymentAmounts(100, 5, "CNY"), "payer", T0).done(T0.plusSeconds(9));
        events.repaid(done, repaid, partner, customer);

        assertThat(appended).extracting(OutboxMessage::eventType).containsExactly("LOAN_DISBURSED", "LOAN_REPAID");
        assertThat(appended).extracting(OutboxMessage::businessKey).containsExactly("LN1", "RP1");
        assertThat(appended).allSatisfy(m -> {
            assertThat(m.topic()).isEqualTo("CS_CREDIT_EVENTS");
            assertThat(m.orderingKey()).isEqualTo("CU1");
            assertThat(m.schemaVersion()).isEqualTo(1);
        });
        JsonNode disbursed = new ObjectMapper().readTree(appended.get(0).payloadJson());
        assertThat(disbursed.get("amountMinor").asLong()).isEqualTo(300);
        assertThat(disbursed.get("fundingAccountId").asLong()).isEqualTo(900);
        assertThat(disbursed.get("loanAccountId").asLong()).isEqualTo(5000);
        assertThat(disbursed.get("holdId").asText()).isEqualTo("loan:LN1");
        assertThat(disbursed.get("occurredAt").asText()).isEqualTo("2026-12-02T08:00:02Z");
        assertThat(disbursed.get("creditRequestId").asText()).isEqualTo("disburse:LN1");
        assertThat(disbursed.get("ledgerVoucherNo").asText()).isEqualTo("#TCC-LOAN-LN1-OUT");
        assertThat(disbursed.get("transferId").asText()).isEqualTo("LOAN-LN1");
        JsonNode repayment = new ObjectMapper().readTree(appended.get(1).payloadJson());
        assertThat(repayment.get("voucherNo").asText()).isEqualTo("LOAN-LN1-R-1");
        assertThat(repayment.get("principalOutstandingMinor").asLong()).isEqualTo(200);
        assertThat(repayment.get("interestMinor").asLong()).isEqualTo(5);
        assertThat(repayment.get("creditRequestId").asText()).isEqualTo("repay:RP1");
        assertThat(repayment.get("fundingAccountId").asLong()).isEqualTo(900);
        assertThat(repayment.get("occurredAt").asText()).isEqualTo("2026-12-02T08:00:09Z");
    }

    @Test
    void without_an_outbox_bean_the_events_are_logged_and_nothing_fails() {
        events(false).drawdownCommitted(active, partner, customer);

        assertThat(appended).isEmpty();
    }
}
