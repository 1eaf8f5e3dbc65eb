package io.creditsuite.credit.domain.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** accepted <=> ACTIVE ∧ 0 < p ∧ p + inFlight <= amount - repaid, on its boundaries. */
class RepaymentPolicyTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static Loan activeLoan(long amount, long repaid) {
        Loan loan = Loan.pending("LN1", new PartnerRequest("p1", "r1", "h"), new LoanTerms("CU1", "L1", 7, amount, "CNY",
                "payee"), T0).committed().disbursedAt(T0);
        return repaid == 0 ? loan : loan.repaid(repaid);
    }

    @ParameterizedTest(name = "amount {0}, repaid {1}, in flight {2}, principal {3} -> {4}")
    @CsvSource({
            "1000, 0, 0, 1000, ACCEPTED",
            "1000, 0, 0, 1001, REPAYMENT_EXCEEDS_OUTSTANDING",
            "1000, 0, 0, 1, ACCEPTED",
            "1000, 0, 0, 0, AMOUNT_INVALID",
            "1000, 0, 0, -1, AMOUNT_INVALID",
            "1000, 400, 0, 600, ACCEPTED",
            "1000, 400, 0, 601, REPAYMENT_EXCEEDS_OUTSTANDING",
            "1000, 400, 300, 300, ACCEPTED",
            "1000, 400, 300, 301, REPAYMENT_EXCEEDS_OUTSTANDING",
            "1000, 400, 600, 1, REPAYMENT_EXCEEDS_OUTSTANDING",
            "9223372036854775807, 0, 0, 9223372036854775807, ACCEPTED",
            "9223372036854775807, 0, 9223372036854775807, 1, REPAYMENT_EXCEEDS_OUTSTANDING",
            "9223372036854775807, 1, 0, 9223372036854775807, REPAYMENT_EXCEEDS_OUTSTANDING",
    })
    void a_repayment_fits_only_within_the_outstanding_not_claimed_by_others_in_flight(long amount, long repaid,
                                                                                      long inFlight, long principal,
                                                                                      String expected) {
        Loan loan = activeLoan(amount, repaid);
        if (expected.equals("ACCEPTED")) {
            assertThatCode(() -> RepaymentPolicy.check(loan, inFlight, principal)).doesNotThrowAnyException();
        } else {
            LendingRejection refused = catchThrowableOfType(LendingRejection.class,
                    () -> RepaymentPolicy.check(loan, inFlight, principal));
            assertThat(refused.reason()).isEqualTo(LendingRejection.Reason.valueOf(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "DISBURSING", "REPAID", "REFUSED"})
    void only_an_active_loan_takes_a_repayment(LoanState state) {
        Loan base = Loan.pending("LN1", new PartnerRequest("p1", "r1", "h"), new LoanTerms("CU1", "L1", 7, 100, "CNY",
                "payee"), T0);
        Loan loan = switch (state) {
            case PENDING -> base;
            case DISBURSING -> base.committed();
            case REPAID -> base.committed().disbursedAt(T0).repaid(100);
            case REFUSED -> base.refused(new Refusal(RefusalReason.UNAVAILABLE, "x"));
            case ACTIVE -> throw new IllegalArgumentException();
        };

        assertThat(catchThrowableOfType(LendingRejection.class, () -> RepaymentPolicy.check(loan, 0, 1)).reason())
                .isEqualTo(LendingRejection.Reason.LOAN_STATE_CONFLICT);
    }
}
