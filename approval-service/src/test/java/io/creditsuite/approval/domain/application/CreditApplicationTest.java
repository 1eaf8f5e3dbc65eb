package io.creditsuite.approval.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.approval.domain.check.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditApplicationTest {
    private static final long REQUESTED = 100_000_00L;

    private static CreditApplication inReview() {
        CreditApplication application = CreditApplication.submitted(new ApplicationFacts("AP1", "bank-a", "pa-1",
                "CU1", "/CN/EAST/SH", "DEALER", "CNY", REQUESTED, 12, List.of("P1")));
        application.routed(Route.MANUAL_REVIEW, null);
        return application;
    }

    private static void assertRefused(Runnable action, ReviewRefusal refusal) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ReviewRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    @Test
    void three_stages_approving_lower_amounts_lead_to_granting_the_recheck_amount() {
        CreditApplication a = inReview();
        a.act("first", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, 90_000_00L, null);
        assertThat(a.currentBoundMinor()).isEqualTo(90_000_00L);
        a.act("final", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 80_000_00L, null);
        a.act("recheck", ReviewStep.RECHECK, ReviewDecision.APPROVE, 80_000_00L, null);

        assertThat(a.state()).isEqualTo(ApplicationState.GRANTING);
        assertThat(a.step()).isEmpty();
        assertThat(a.grantMinor()).isEqualTo(80_000_00L);
        a.granted("LINE-1");
        a.granted("LINE-1");
        assertThat(a.state()).isEqualTo(ApplicationState.GRANTED);
    }

    @Test
    void a_grant_refused_by_credit_service_ends_rejected_with_its_code_and_only_from_granting() {
        CreditApplication a = inReview();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.grantRefused("CS-2001"))
                .isInstanceOf(IllegalStateException.class);
        a.act("first", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, 90_000_00L, null);
        a.act("final", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 90_000_00L, null);
        a.act("recheck", ReviewStep.RECHECK, ReviewDecision.APPROVE, 90_000_00L, null);
        a.grantRefused("CS-2001");
        assertThat(a.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(a.reasonCode()).contains("GRANT_REFUSED:CS-2001");
    }

    @Test
    void a_stage_cannot_approve_more_than_the_stage_before_it_nor_zero() {
        CreditApplication a = inReview();
        assertRefused(() -> a.act("first", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED + 1, null),
                ReviewRefusal.AMOUNT_OUT_OF_BOUND);
        a.act("first", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, 50_000_00L, null);
        assertRefused(() -> a.act("final", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 50_000_01L, null),
                ReviewRefusal.AMOUNT_OUT_OF_BOUND);
        assertRefused(() -> a.act("final", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 0L, null),
                ReviewRefusal.AMOUNT_OUT_OF_BOUND);
        assertRefused(() -> a.act("final", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, null, null),
                ReviewRefusal.AMOUNT_OUT_OF_BOUND);
        assertThat(a.step()).contains(ReviewStep.FINAL_REVIEW);
    }

    @Test
    void one_person_acts_at_most_once_even_after_a_send_back() {
        CreditApplication a = inReview();
        a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED, null);
        assertRefused(() -> a.act("ann", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, REQUESTED, null),
                ReviewRefusal.FOUR_EYES);
        a.act("bob", ReviewStep.FINAL_REVIEW, ReviewDecision.SEND_BACK, null, "INCOME_UNVERIFIED");
        assertThat(a.step()).contains(ReviewStep.FIRST_REVIEW);
        assertRefused(() -> a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED, null),
                ReviewRefusal.FOUR_EYES);
        a.act("cid", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED, null);
        assertThat(a.progress().actors()).containsExactlyInAnyOrder("ann", "bob", "cid");
    }

    @Test
    void a_send_back_reopens_the_previous_stage_with_the_bound_it_had() {
        CreditApplication a = inReview();
        a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, 70_000_00L, null);
        a.act("bob", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 60_000_00L, null);
        a.act("cid", ReviewStep.RECHECK, ReviewDecision.SEND_BACK, null, "COLLATERAL_MISSING");

        assertThat(a.step()).contains(ReviewStep.FINAL_REVIEW);
        assertThat(a.currentBoundMinor()).isEqualTo(70_000_00L);
        assertThat(a.progress().approvedByStep()).containsOnlyKeys(ReviewStep.FIRST_REVIEW);
        assertThat(a.reasonCode()).contains("COLLATERAL_MISSING");
    }

    @Test
    void a_send_back_from_first_review_asks_the_partner_and_a_supplement_resumes_first_review() {
        CreditApplication a = inReview();
        a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.SEND_BACK, null, "ID_COPY_UNREADABLE");
        assertThat(a.state()).isEqualTo(ApplicationState.MORE_INFO_REQUESTED);
        assertRefused(() -> a.act("bob", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED, null),
                ReviewRefusal.NOT_AT_STAGE);

        a.supplemented();
        assertThat(a.state()).isEqualTo(ApplicationState.IN_REVIEW);
        assertThat(a.step()).contains(ReviewStep.FIRST_REVIEW);
        assertThat(a.currentBoundMinor()).isEqualTo(REQUESTED);
        assertRefused(a::supplemented, ReviewRefusal.NOT_AWAITING_INFO);
    }

    @Test
    void a_rejection_or_send_back_needs_a_reason_code_and_a_rejection_is_final() {
        CreditApplication a = inReview();
        assertRefused(() -> a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.REJECT, null, " "),
                ReviewRefusal.REASON_CODE_REQUIRED);
        assertRefused(() -> a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.SEND_BACK, null, null),
                ReviewRefusal.REASON_CODE_REQUIRED);
        assertThat(a.progress().actors()).isEmpty();

        a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.REJECT, null, "FRAUD_SUSPECTED");
        assertThat(a.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(a.state().isFinal()).isTrue();
        assertRefused(() -> a.act("bob", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, REQUESTED, null),
                ReviewRefusal.NOT_AT_STAGE);
    }

    @Test
    void the_checks_route_an_application_to_rejection_first_review_or_straight_to_recheck() {
        CreditApplication rejected = CreditApplication.submitted(inReview().facts());
        rejected.routed(Route.REJECT, "BLACKLIST_HIT");
        assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(rejected.reasonCode()).contains("BLACKLIST_HIT");

        CreditApplication fast = CreditApplication.submitted(inReview().facts());
        fast.routed(Route.FAST_TRACK, null);
        assertThat(fast.step()).contains(ReviewStep.RECHECK);
        assertThat(fast.currentBoundMinor()).isEqualTo(REQUESTED);
    }

    @Test
    void a_stored_application_restores_to_the_same_progress() {
        CreditApplication a = inReview();
        a.act("ann", ReviewStep.FIRST_REVIEW, ReviewDecision.APPROVE, 70_000_00L, null);
        CreditApplication restored = CreditApplication.restore(a.facts(), a.progress());
        assertThat(restored.progress()).isEqualTo(a.progress());
        assertRefused(() -> restored.act("ann", ReviewStep.FINAL_REVIEW, ReviewDecision.APPROVE, 1L, null),
                ReviewRefusal.FOUR_EYES);
    }
}
