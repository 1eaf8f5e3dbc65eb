package io.creditsuite.credit.domain.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoanTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static Loan pending(long amount) {
        return Loan.pending("LN1", new PartnerRequest("p1", "r1", "h"), new LoanTerms("CU1", "L1", 7, amount, "CNY",
                "6222000011112222"), T0);
    }

    private static Loan active(long amount) {
        return pending(amount).inTransaction("xid-1").committed().disbursedAt(T0.plusSeconds(1));
    }

    @Test
    void a_loan_moves_pending_disbursing_active_repaid_and_its_outstanding_follows() {
        Loan pending = pending(1_000);
        assertThat(pending.principalOutstandingMinor()).isZero();

        Loan disbursing = pending.inTransaction("xid-1").committed();
        assertThat(disbursing.status()).isEqualTo(LoanState.DISBURSING);
        assertThat(disbursing.xid()).isEqualTo("xid-1");
        assertThat(disbursing.principalOutstandingMinor()).as("not paid out yet").isZero();

        Loan active = disbursing.disbursedAt(T0.plusSeconds(1));
        assertThat(active.principalOutstandingMinor()).isEqualTo(1_000);

        Loan part = active.repaid(400);
        assertThat(part.status()).isEqualTo(LoanState.ACTIVE);
        assertThat(part.principalOutstandingMinor()).isEqualTo(600);
        assertThat(part.repaidPrincipalMinor()).isEqualTo(400);

        Loan repaid = part.repaid(600);
        assertThat(repaid.status()).isEqualTo(LoanState.REPAID);
        assertThat(repaid.principalOutstandingMinor()).isZero();
    }

    @Test
    void a_refused_loan_carries_its_reason_owes_nothing_and_moves_no_further() {
        Loan refused = pending(1_000).refused(new Refusal(RefusalReason.FUNDING_INSUFFICIENT, "account 900 has 5"));

        assertThat(refused.status()).isEqualTo(LoanState.REFUSED);
        assertThat(refused.refusal().reason()).isEqualTo(RefusalReason.FUNDING_INSUFFICIENT);
        assertThat(refused.principalOutstandingMinor()).isZero();
        assertThat(catchThrowableOfType(LendingRejection.class, refused::committed).reason())
                .isEqualTo(LendingRejection.Reason.LOAN_STATE_CONFLICT);
        assertThatThrownBy(() -> refused.disbursedAt(T0)).isInstanceOf(LendingRejection.class);
    }

    @ParameterizedTest
    @EnumSource(LoanState.class)
    void only_the_documented_transitions_are_allowed(LoanState from) {
        EnumSet<LoanState> allowed = switch (from) {
            case PENDING -> EnumSet.of(LoanState.DISBURSING, LoanState.REFUSED);
            case DISBURSING -> EnumSet.of(LoanState.ACTIVE);
            case ACTIVE -> EnumSet.of(LoanState.REPAID);
            case REPAID, REFUSED -> EnumSet.noneOf(LoanState.class);
        };
        for (LoanState to : LoanState.values()) {
            assertThat(from.mayBecome(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
        }
    }

    @Test
    void a_pending_or_disbursing_loan_takes_no_repayment_and_none_exceeds_the_outstanding() {
        assertThat(catchThrowableOfType(LendingRejection.class, () -> pending(1_000).repaid(1)).reason())
                .isEqualTo(LendingRejection.Reason.LOAN_STATE_CONFLICT);
        assertThat(catchThrowableOfType(LendingRejection.class, () -> pending(1_000).inTransaction("x").committed()
                .repaid(1)).reason()).isEqualTo(LendingRejection.Reason.LOAN_STATE_CONFLICT);
        assertThat(catchThrowableOfType(LendingRejection.class, () -> active(1_000).repaid(1_001)).reason())
                .isEqualTo(LendingRejection.Reason.REPAYMENT_EXCEEDS_OUTSTANDING);
        assertThat(catchThrowableOfType(LendingRejection.class, () -> active(1_000).repaid(0)).reason())
                .isEqualTo(LendingRejection.Reason.REPAYMENT_EXCEEDS_OUTSTANDING);
    }

    @Test
    void a_loan_of_zero_or_less_cannot_exist_and_its_ids_live_in_their_namespaces() {
        assertThat(catchThrowableOfType(LendingRejection.class, () -> pending(0)).reason())
                .isEqualTo(LendingRejection.Reason.AMOUNT_INVALID);
        assertThat(pending(1).holdId()).isEqualTo("loan:LN1");
        assertThat(pending(1).transferId()).isEqualTo("LOAN-LN1");
        assertThat(Repayment.voucherOf("LN1", 3)).isEqualTo("LOAN-LN1-R-3");
    }
}
