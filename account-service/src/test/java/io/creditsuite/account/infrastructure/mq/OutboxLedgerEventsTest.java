package io.creditsuite.account.infrastructure.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.account.domain.LoanRepayment;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.support.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's transfer events as docs/events.md documents them (schema version 1). */
class OutboxLedgerEventsTest {
    private final List<OutboxMessage> appended = new ArrayList<>();
    private final OutboxLedgerEvents events = new OutboxLedgerEvents(appended::add,
            Clock.fixed(Instant.parse("2026-12-02T10:15:30Z"), ZoneOffset.UTC));
    private final Transfer branch = new Transfer("T-9", Transfer.Direction.OUT, 101, 202, 12_345, "CNY",
            Transfer.Phase.CONFIRMED, "10.0.0.1:8091:77");

    @Test
    void a_confirmed_branch_is_one_message_keyed_by_the_branch_ordered_by_the_contra_account() throws Exception {
        events.confirmed(branch, LocalDate.of(2026, 12, 2), "trace-1");

        assertThat(appended).hasSize(1);
        OutboxMessage m = appended.get(0);
        assertThat(m.topic()).isEqualTo("CS_LEDGER_EVENTS");
        assertThat(m.eventType()).isEqualTo("LEDGER_TRANSFER_CONFIRMED");
        assertThat(m.schemaVersion()).isEqualTo(1);
        assertThat(m.businessKey()).isEqualTo("T-9-OUT");
        assertThat(m.orderingKey()).isEqualTo("202");
        assertThat(m.traceId()).isEqualTo("trace-1");
        JsonNode body = new ObjectMapper().readTree(m.payloadJson());
        assertThat(body.get("transferId").asText()).isEqualTo("T-9");
        assertThat(body.get("direction").asText()).isEqualTo("OUT");
        assertThat(body.get("accountId").asLong()).isEqualTo(101);
        assertThat(body.get("contraAccountId").asLong()).isEqualTo(202);
        assertThat(body.get("amountMinor").asLong()).isEqualTo(12_345);
        assertThat(body.get("currency").asText()).isEqualTo("CNY");
        assertThat(body.get("voucherNo").asText()).isEqualTo(branch.voucherNo());
        assertThat(body.get("accountingDate").asText()).isEqualTo("2026-12-02");
        assertThat(body.get("xid").asText()).isEqualTo("10.0.0.1:8091:77");
        assertThat(body.get("occurredAt").asText()).isEqualTo("2026-12-02T10:15:30Z");
    }

    @Test
    void a_cancelled_branch_has_its_own_type_and_no_trace_without_the_agent() {
        events.cancelled(branch.in(Transfer.Phase.CANCELLED), LocalDate.of(2026, 12, 2));

        assertThat(appended).singleElement().satisfies(m -> {
            assertThat(m.eventType()).isEqualTo("LEDGER_TRANSFER_CANCELLED");
            assertThat(m.businessKey()).isEqualTo("T-9-OUT");
            assertThat(m.traceId()).isNull();
        });
    }

    @Test
    void a_loan_repayment_is_keyed_by_its_voucher_and_ordered_by_the_loan_account() throws Exception {
        events.repaid(new LoanRepayment("RP-1", 11, 22, 33, 1_000, 35, "CNY"), LocalDate.of(2026, 12, 2), "trace-2");

        assertThat(appended).singleElement().satisfies(m -> {
            assertThat(m.eventType()).isEqualTo("LEDGER_LOAN_REPAID");
            assertThat(m.businessKey()).isEqualTo("RP-1");
            assertThat(m.orderingKey()).isEqualTo("22");
        });
        JsonNode body = new ObjectMapper().readTree(appended.get(0).payloadJson());
        assertThat(body.get("principalMinor").asLong()).isEqualTo(1_000);
        assertThat(body.get("interestMinor").asLong()).isEqualTo(35);
        assertThat(body.get("clearingAccountId").asLong()).isEqualTo(11);
        assertThat(body.get("interestIncomeAccountId").asLong()).isEqualTo(33);
        assertThat(body.get("accountingDate").asText()).isEqualTo("2026-12-02");
    }
}
