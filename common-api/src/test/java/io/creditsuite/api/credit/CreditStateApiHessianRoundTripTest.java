package io.creditsuite.api.credit;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The DTOs of credit-service's internal state reads, with nulls where they are allowed, survive Hessian2 unchanged. */
class CreditStateApiHessianRoundTripTest {

    @Test
    void a_callers_hold_and_a_tcc_hold_survive_a_hessian2_round_trip() throws Exception {
        HoldStateView callers = new HoldStateView("h-1", "L-1", "CNY", 300L, 0L, 0L, 1_700_000_000_000L, null);
        assertEquals(callers, roundTrip(callers));
        HoldStateView tcc = new HoldStateView("loan:LN1", "L-1", "CNY", 0L, 30_000L, 0L, null, "127.0.0.1:8091:42");
        assertEquals(tcc, roundTrip(tcc));
    }
}
