package io.creditsuite.api.lending;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.creditsuite.api.account.StatementPage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the lending API, with nulls where they are allowed, survives Hessian2 unchanged. */
class LendingApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        LoanView loan = new LoanView("LN-1", "P-1", "CU-1", "L-1", 8L, 100_00L, "CNY", "6222000011112222",
                "ACTIVE", null, 60_00L, 40_00L, "127.0.0.1:8091:42", 1_700_000_000_000L, 1_700_000_001_000L);
        LoanView refused = new LoanView("LN-2", "P-1", "CU-1", "L-1", 8L, 100_00L, "CNY", "6222000011112222",
                "REFUSED", "LIMIT_INSUFFICIENT", 0L, 0L, null, 1_700_000_000_000L, null);
        RepaymentView repayment = new RepaymentView("R-1", "LN-1", 40_00L, 1_00L, "CNY", "6222", "#LOAN-LN-1-R-1",
                1_700_000_002_000L);
        return Stream.of(
                new RegisterLendingPartnerRequest("P-1", "Demo Bank", "CNY", 11L, 12L),
                new LendingPartnerView("P-1", "Demo Bank", "CNY", 11L, 12L, 1_700_000_000_000L),
                new OnboardCustomerRequest("k-1", "P-1", "ref-1", "Ann", null),
                new CustomerView("CU-1", "P-1", "ref-1", "Ann", "CNY", 13L, 1_700_000_000_000L),
                new DrawdownRequest("k-2", "P-1", "CU-1", "L-1", 8L, 100_00L, "CNY", "6222000011112222"),
                new DrawdownResult(DrawdownOutcome.ACCEPTED, null, null, loan),
                new DrawdownResult(DrawdownOutcome.REFUSED, DrawdownRefusal.LIMIT_INSUFFICIENT, "node 3", refused),
                loan,
                new RepaymentRequest("k-3", "P-1", "LN-1", 40_00L, 1_00L, "CNY", "6222"),
                repayment,
                new RepaymentResult(repayment, loan),
                new ArrayList<>(List.of(repayment, new RepaymentView("R-2", "LN-1", 1L, 0L, "CNY", null, "#v", 2L))),
                new ArrayList<>(List.of(loan, refused)),
                new PartnerHoldRequest("k-4", "P-1", "CU-1", "L-1", 8L, 5_00L, "CNY", 1_700_000_100_000L),
                new PartnerHoldCaptureRequest("k-5", "P-1", "k-4", 5_00L, "CNY"),
                new PartnerHoldReleaseRequest("k-6", "P-1", "k-4"),
                new StatementPage(13L, List.of(), null));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_lending_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
