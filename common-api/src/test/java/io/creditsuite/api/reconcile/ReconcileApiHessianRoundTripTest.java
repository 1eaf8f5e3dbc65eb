package io.creditsuite.api.reconcile;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reconcile API's DTOs, with nulls where they are allowed, survive Hessian2 unchanged. */
class ReconcileApiHessianRoundTripTest {

    @Test
    void a_discrepancy_with_its_transitions_survives_a_hessian2_round_trip() throws Exception {
        DiscrepancyView open = new DiscrepancyView(7L, "R-DRAWDOWN-LEDGER", "LOAN-LN1-OUT", "2026-12-03", "OPEN", null,
                null, "no ledger confirm", 1, "critical", "lending", "", "LOAN_DRAWDOWN_COMMITTED:LN1",
                1_700_000_000_000L, 1_700_000_000_000L,
                List.of(new TransitionView(1_700_000_000_000L, "bcp", null, "OPEN", "no ledger confirm")));
        assertEquals(open, roundTrip(open));
        DiscrepancyView fixed = new DiscrepancyView(8L, "R", "F", "2026-12-03", "RESOLVED", "FIXED_BY_BOOKING",
                "ADJ-1", "d", 2, "warning", "ledger", "t1,t2", "A:1,B:2", 1L, 2L, List.of());
        assertEquals(fixed, roundTrip(fixed));
    }

    @Test
    void rules_and_their_requests_survive_a_hessian2_round_trip() throws Exception {
        BalanceRuleView balance = new BalanceRuleView("F-NODE-REPLAY", 2, "LIMIT_NODES",
                new TreeMap<>(Map.of("stored", 1L, "replayed", -1L)), 5L, "critical", "credit", "replay", false,
                "sre-li", 1_700_000_000_000L);
        assertEquals(balance, roundTrip(balance));
        BalanceRuleView immutableTerms = new BalanceRuleView("F-X", 1, "LEDGER_TOTALS",
                Map.of("debits", 1L, "credits", -3_000_000_000L), 0L, "info", "ledger", "d", true, "a", 1L);
        assertEquals(immutableTerms, roundTrip(immutableTerms));
        PublishBalanceRuleRequest publish = new PublishBalanceRuleRequest("F-X", "CUSTOMERS",
                Map.of("creditUsed", 1L, "ledgerPrincipal", -1L), 100L, "warning", "credit", "why", "sre-li");
        assertEquals(publish, roundTrip(publish));
        PublishBalanceRuleRequest empty = new PublishBalanceRuleRequest(null, null, null, -1L, null, null, null, null);
        assertEquals(empty, roundTrip(empty));
        PairRuleView pair = new PairRuleView("R-X", 3, "A_B", "C_D", "left.id", "right.id", "true", 60, "info", "t",
                "d", true, "sre", 1L);
        assertEquals(pair, roundTrip(pair));
    }
}
