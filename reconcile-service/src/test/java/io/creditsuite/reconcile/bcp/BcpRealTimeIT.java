package io.creditsuite.reconcile.bcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.reconcile.application.realtime.Counterparts;
import io.creditsuite.reconcile.application.realtime.OverduePairs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BCP's real-time pair checks on a real broker and database: the test publishes the business events as
 * credit-service and account-service put them on the wire (docs/events.md). Matching sides pass in any order and
 * any number of deliveries; a disagreement opens a discrepancy; a side that never comes is raised only after its
 * window and a source-of-truth answer that it does not exist (the ledger's answer is a switch here: account-service
 * is not running), and a late side resolves the discrepancy.
 */
class BcpRealTimeIT extends BcpOnTheWire {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Autowired
    private OverduePairs overdue;
    @Autowired
    private DiscrepancyService discrepancies;
    @Autowired
    private BcpRuleService ruleService;

    @Test
    void a_published_rule_checks_the_next_event_without_a_restart_and_a_disabled_one_stops_audited()
            throws Exception {
        String ruleId = "R-IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        PairRuleView v1 = ruleService.publish(orderRule(ruleId, 60));
        assertThat(v1.version()).isOne();
        String order = "O-" + UUID.randomUUID();
        send(event("CS_CREDIT_EVENTS", "IT_ORDER_PLACED", order, "CU-7", Map.of("orderId", order,
                "amountMinor", 500, "occurredAt", Instant.now().toString())));
        send(event("CS_CREDIT_EVENTS", "IT_ORDER_PAID", order, "CU-7", Map.of("orderId", order,
                "amountMinor", 499, "occurredAt", Instant.now().toString())));
        awaitPair(ruleId, order, "MISMATCHED");

        assertThat(ruleService.publish(orderRule(ruleId, 120)).version()).isEqualTo(2);
        PairRuleView disabled = ruleService.disable(ruleId, "sre-li", "replaced by the ledger rule");
        assertThat(disabled.version()).isEqualTo(3);
        assertThat(disabled.enabled()).isFalse();
        assertThat(jdbc.queryForList("SELECT CONCAT(action, ' v', version, ' by ', actor) FROM bcp_rule_audit"
                + " WHERE rule_id = ? ORDER BY id", String.class, ruleId))
                .containsExactly("PUBLISH v1 by sre-li", "PUBLISH v2 by sre-li", "DISABLE v3 by sre-li");
        assertThat(jdbc.queryForObject("SELECT before_json FROM bcp_rule_audit WHERE rule_id = ? AND version = 2",
                String.class, ruleId)).contains("\"windowSeconds\":60");

        // the disabled rule's event, then a drawdown side on the same queue: once the second is checked, the first was
        String late = "O-" + UUID.randomUUID();
        send(event("CS_CREDIT_EVENTS", "IT_ORDER_PLACED", late, "CU-1", Map.of("orderId", late,
                "occurredAt", Instant.now().toString())));
        Drawdown after = new Drawdown();
        send(after.committed());
        awaitPair("R-DRAWDOWN-LEDGER", after.pairKey(), "WAITING");
        assertThat(pairState(ruleId, late)).isNull();
    }

    @Test
    void a_malformed_rule_is_refused_with_its_reason_and_writes_nothing() {
        int before = ruleService.rules().size();
        assertRuleRefused(new PublishPairRuleRequest("X", "A_B", "C_D", "left.id", "right.id", "true", 60,
                "critical", "lending", "d", "sre"), ErrorCode.BCP_RULE_INVALID);
        assertRuleRefused(new PublishPairRuleRequest("META-CAP", "A_B", "C_D", "left.id", "right.id", "true", 60,
                "critical", "lending", "d", "sre"), ErrorCode.BCP_RULE_INVALID);
        assertRuleRefused(new PublishPairRuleRequest("R-BAD", "A_B", "C_D", "left.id +", "right.id", "true", 60,
                "critical", "lending", "d", "sre"), ErrorCode.BCP_RULE_INVALID);
        assertRuleRefused(new PublishPairRuleRequest("R-BAD", "A_B", "C_D", "left.id", "right.id", "true", 0,
                "critical", "lending", "d", "sre"), ErrorCode.BCP_RULE_INVALID);
        assertRuleRefused(new PublishPairRuleRequest("R-BAD", "A_B", "C_D", "left.id", "right.id", "true", 60,
                "urgent", "lending", "d", "sre"), ErrorCode.BCP_RULE_INVALID);
        assertCode(() -> ruleService.disable("R-NEVER-PUBLISHED", "sre", "why"), ErrorCode.BCP_RULE_UNKNOWN);
        assertThat(ruleService.rules()).hasSize(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bcp_rule WHERE rule_id = 'R-BAD'", Long.class)).isZero();
    }

    private void assertRuleRefused(PublishPairRuleRequest request, ErrorCode code) {
        assertCode(() -> ruleService.publish(request), code);
    }

    private static PublishPairRuleRequest orderRule(String ruleId, int windowSeconds) {
        return new PublishPairRuleRequest(ruleId, "IT_ORDER_PLACED", "IT_ORDER_PAID", "left.orderId", "right.orderId",
                "left.amountMinor == right.amountMinor", windowSeconds, "warning", "lending",
                "an order is paid its amount", "sre-li");
    }

    @Test
    void people_acknowledge_and_resolve_a_discrepancy_by_a_posted_corrective_booking_each_step_audited()
            throws Exception {
        Drawdown d = new Drawdown();
        send(d.committed());
        send(d.ledgerConfirmed(29_000));
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "MISMATCHED");
        DiscrepancyView found = discrepancies.discrepancies("OPEN", "R-DRAWDOWN-LEDGER", 500).stream()
                .filter(v -> v.fingerprint().equals(d.pairKey())).findFirst().orElseThrow();
        assertThat(found.severity()).isEqualTo("critical");
        assertThat(found.traceIds()).contains("trace-" + d.loanId);

        assertThat(discrepancies.acknowledge(found.id(), "sre-li", "on it").state()).isEqualTo("ACKNOWLEDGED");
        assertCode(() -> discrepancies.acknowledge(found.id(), "sre-li", "again"), ErrorCode.DISCREPANCY_STATE_CONFLICT);
        VOUCHER_POSTED.set(false);
        assertCode(() -> discrepancies.resolveByBooking(found.id(), "sre-li", "ADJ-" + d.loanId),
                ErrorCode.CORRECTIVE_VOUCHER_UNKNOWN);
        assertThat(discrepancies.discrepancy(found.id()).state()).isEqualTo("ACKNOWLEDGED");
        VOUCHER_POSTED.set(true);
        DiscrepancyView fixed = discrepancies.resolveByBooking(found.id(), "sre-li", "ADJ-" + d.loanId);
        assertThat(fixed.state()).isEqualTo("RESOLVED");
        assertThat(fixed.resolution()).isEqualTo("FIXED_BY_BOOKING");
        assertThat(fixed.voucherNo()).isEqualTo("ADJ-" + d.loanId);
        assertThat(fixed.transitions()).extracting(t -> t.actor() + ":" + t.toState())
                .containsExactly("bcp:OPEN", "sre-li:ACKNOWLEDGED", "sre-li:RESOLVED");
        assertCode(() -> discrepancies.accept(found.id(), "biz-wang", "fine"), ErrorCode.DISCREPANCY_STATE_CONFLICT);
    }

    @Test
    void bad_input_to_the_discrepancy_commands_gets_its_code_and_changes_nothing() {
        assertCode(() -> discrepancies.discrepancies("BROKEN", null, 10), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> discrepancies.discrepancies(null, null, 0), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> discrepancies.discrepancies(null, "R'; DROP TABLE bcp_rule; --", 10),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> discrepancies.discrepancy(-1), ErrorCode.DISCREPANCY_UNKNOWN);
        assertCode(() -> discrepancies.acknowledge(-1, "sre", null), ErrorCode.DISCREPANCY_UNKNOWN);
        assertCode(() -> discrepancies.acknowledge(1, "", null), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> discrepancies.accept(1, "biz", " "), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> discrepancies.resolveByBooking(1, "sre", "ADJ 1\n"), ErrorCode.INVALID_ARGUMENT);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void matching_sides_pass_in_any_order_and_any_number_of_deliveries() throws Exception {
        Drawdown d = new Drawdown();
        send(d.ledgerConfirmed(30_000));
        send(d.committed());
        send(d.ledgerConfirmed(30_000));
        send(d.committed());
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "MATCHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bcp_fact WHERE business_key IN (?, ?)", Long.class,
                d.loanId, d.pairKey())).isEqualTo(2);
        assertThat(discrepancyState("R-DRAWDOWN-LEDGER", d.pairKey())).isNull();
    }

    @Test
    void a_ledger_payout_of_another_amount_opens_a_discrepancy_naming_both_facts() throws Exception {
        Drawdown d = new Drawdown();
        send(d.committed());
        send(d.ledgerConfirmed(29_999));
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "MISMATCHED");
        assertThat(discrepancyState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT business_ids FROM bcp_discrepancy WHERE fingerprint = ?", String.class,
                d.pairKey())).contains("LOAN_DRAWDOWN_COMMITTED:" + d.loanId, "LEDGER_TRANSFER_CONFIRMED:" + d.pairKey());
    }

    @Test
    void a_missing_side_is_raised_only_after_its_window_and_the_sources_no_and_a_late_one_resolves_it()
            throws Exception {
        Drawdown d = new Drawdown();
        send(d.committed());
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "WAITING");

        LEDGER_SAYS.set(Counterparts.Answer.ABSENT);
        overdue.sweep(Instant.now().plus(SETTLE).minusSeconds(10), 200);
        assertThat(pairState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("WAITING"); // inside the window
        overdue.sweep(Instant.now().plus(SETTLE).plusSeconds(5), 200);
        assertThat(pairState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("MISSING");
        assertThat(discrepancyState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("OPEN");

        send(d.ledgerConfirmed(30_000));
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "MATCHED");
        assertThat(discrepancyState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("SELECT resolution FROM bcp_discrepancy WHERE fingerprint = ?", String.class,
                d.pairKey())).isEqualTo("AUTO");
        assertThat(jdbc.queryForList("SELECT CONCAT(COALESCE(t.from_state, '-'), '>', t.to_state) FROM"
                + " bcp_discrepancy_transition t JOIN bcp_discrepancy d ON d.id = t.discrepancy_id WHERE d.fingerprint = ?"
                + " ORDER BY t.id", String.class, d.pairKey())).containsExactly("->OPEN", "OPEN>RESOLVED");
    }

    @Test
    void a_late_event_the_source_already_has_raises_nothing() throws Exception {
        Drawdown d = new Drawdown();
        send(d.committed());
        awaitPair("R-DRAWDOWN-LEDGER", d.pairKey(), "WAITING");
        LEDGER_SAYS.set(Counterparts.Answer.PRESENT);
        overdue.sweep(Instant.now().plus(SETTLE).plusSeconds(5), 200);
        assertThat(pairState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("SELECT extensions FROM bcp_pair WHERE pair_key = ?", Integer.class,
                d.pairKey())).isOne();
        LEDGER_SAYS.set(Counterparts.Answer.UNREACHABLE);
        overdue.sweep(Instant.now().plus(SETTLE.multipliedBy(3)), 200);
        assertThat(pairState("R-DRAWDOWN-LEDGER", d.pairKey())).isEqualTo("WAITING");
        assertThat(discrepancyState("R-DRAWDOWN-LEDGER", d.pairKey())).isNull();
        LEDGER_SAYS.set(Counterparts.Answer.ABSENT);
    }

    @Test
    void a_repayment_matches_the_ledgers_posting_of_its_voucher() throws Exception {
        String loanId = "LN" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        String voucher = "LOAN-" + loanId + "-R-1";
        Map<String, Object> repaid = new LinkedHashMap<>();
        repaid.put("repaymentId", "RP-" + loanId);
        repaid.put("loanId", loanId);
        repaid.put("customerId", "CU-1");
        repaid.put("voucherNo", voucher);
        repaid.put("fundingAccountId", 3001);
        repaid.put("loanAccountId", 2001);
        repaid.put("principalMinor", 10_000);
        repaid.put("interestMinor", 350);
        repaid.put("currency", "CNY");
        repaid.put("occurredAt", Instant.now().toString());
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("voucherNo", voucher);
        ledger.put("clearingAccountId", 3001);
        ledger.put("loanAccountId", 2001);
        ledger.put("interestIncomeAccountId", 4001);
        ledger.put("principalMinor", 10_000);
        ledger.put("interestMinor", 350);
        ledger.put("currency", "CNY");
        ledger.put("occurredAt", Instant.now().toString());
        send(event("CS_CREDIT_EVENTS", "LOAN_REPAID", "RP-" + loanId, "CU-1", repaid));
        send(event("CS_LEDGER_EVENTS", "LEDGER_LOAN_REPAID", voucher, "2001", ledger));
        awaitPair("R-REPAYMENT-LEDGER", voucher, "MATCHED");
    }

    /** One drawdown's two sides, as credit-service and account-service publish them. */
    private static final class Drawdown {
        final String loanId = "LN" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        final String transferId = "LOAN-" + loanId;

        String pairKey() {
            return transferId + "-OUT";
        }

        Message committed() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("loanId", loanId);
            body.put("customerId", "CU-1");
            body.put("transferId", transferId);
            body.put("fundingAccountId", 3001);
            body.put("loanAccountId", 2001);
            body.put("amountMinor", 30_000);
            body.put("currency", "CNY");
            body.put("ledgerVoucherNo", "#TCC-" + transferId + "-OUT");
            body.put("occurredAt", Instant.now().toString());
            body.put("traceId", "trace-" + loanId);
            return event("CS_CREDIT_EVENTS", "LOAN_DRAWDOWN_COMMITTED", loanId, "CU-1", body);
        }

        Message ledgerConfirmed(long amountMinor) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("transferId", transferId);
            body.put("direction", "OUT");
            body.put("accountId", 3001);
            body.put("contraAccountId", 2001);
            body.put("amountMinor", amountMinor);
            body.put("currency", "CNY");
            body.put("voucherNo", "#TCC-" + transferId + "-OUT");
            body.put("occurredAt", Instant.now().toString());
            body.put("traceId", null);
            return event("CS_LEDGER_EVENTS", "LEDGER_TRANSFER_CONFIRMED", pairKey(), "2001", body);
        }
    }
}
