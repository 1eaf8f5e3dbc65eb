package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The posting templates (记账分录) as domain rules: which legs each business event books. */
class PostingTemplateTest {

    @Test
    void a_two_leg_template_debits_the_first_account_and_credits_the_second() {
        Posting p = PostingTemplate.LOAN_DISBURSE.post("v1", 7, 9, 500, "CNY");
        assertThat(p.postingType()).isEqualTo("LOAN_DISBURSE");
        assertThat(p.legs()).containsExactly(new Leg(7, Side.DEBIT, 500, "CNY"), new Leg(9, Side.CREDIT, 500, "CNY"));
    }

    @Test
    void a_repayment_debits_clearing_with_principal_plus_interest_and_splits_the_credit() {
        Posting p = PostingTemplate.loanRepayment("r1", 1, 2, 3, 1_000, 35, "CNY");
        assertThat(p.postingType()).isEqualTo(PostingTemplate.LOAN_REPAY);
        assertThat(p.legs()).containsExactly(new Leg(1, Side.DEBIT, 1_035, "CNY"),
                new Leg(2, Side.CREDIT, 1_000, "CNY"), new Leg(3, Side.CREDIT, 35, "CNY"));
    }

    @Test
    void a_repayment_without_interest_has_no_interest_leg() {
        assertThat(PostingTemplate.loanRepayment("r1", 1, 2, 3, 1_000, 0, "CNY").legs()).hasSize(2);
    }

    @Test
    void negative_interest_zero_principal_and_an_overflowing_total_are_refused() {
        assertThat(refusal(() -> PostingTemplate.loanRepayment("r1", 1, 2, 3, 1_000, -1, "CNY")))
                .isEqualTo(LedgerError.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(() -> PostingTemplate.loanRepayment("r1", 1, 2, 3, 0, 5, "CNY")))
                .isEqualTo(LedgerError.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(() -> PostingTemplate.loanRepayment("r1", 1, 2, 3, Long.MAX_VALUE, 1, "CNY")))
                .isEqualTo(LedgerError.AMOUNT_OVERFLOW);
        assertThat(refusal(() -> PostingTemplate.loanRepayment("r1", 1, 2, 3, Long.MAX_VALUE - 1, 1, "CNY")))
                .as("principal + interest = Long.MAX_VALUE is representable").isNull();
    }

    @Test
    void every_template_posts_balanced_legs_near_the_largest_amount() {
        for (PostingTemplate t : PostingTemplate.values()) {
            Posting p = t.post("v-" + t, 1, 2, Long.MAX_VALUE, "CNY");
            assertThat(p.legs()).extracting(Leg::amountMinor).containsOnly(Long.MAX_VALUE);
            assertThat(p.postingType()).isEqualTo(t.name());
        }
        assertThat(List.of(PostingTemplate.values())).hasSize(5);
    }

    private static LedgerError refusal(Runnable call) {
        LedgerException e = catchThrowableOfType(LedgerException.class, call::run);
        return e == null ? null : e.error();
    }
}
