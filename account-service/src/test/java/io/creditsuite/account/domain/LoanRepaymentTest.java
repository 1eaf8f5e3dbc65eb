package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A repayment is read back from a posting of the template's shape only. */
class LoanRepaymentTest {

    @Test
    void a_repayment_with_interest_is_read_back_from_its_posting() {
        assertThat(LoanRepayment.of(PostingTemplate.loanRepayment("V-1", 1, 2, 3, 1_000, 35, "CNY")))
                .contains(new LoanRepayment("V-1", 1, 2, 3, 1_000, 35, "CNY"));
    }

    @Test
    void a_repayment_without_interest_has_no_interest_account() {
        assertThat(LoanRepayment.of(PostingTemplate.loanRepayment("V-1", 1, 2, 3, 1_000, 0, "CNY")))
                .contains(new LoanRepayment("V-1", 1, 2, 0, 1_000, 0, "CNY"));
    }

    @Test
    void another_posting_type_or_a_custom_posting_that_borrows_the_name_is_no_repayment() {
        assertThat(LoanRepayment.of(new Posting("V-2", "WITHDRAW", List.of(new Leg(1, Side.DEBIT, 5, "CNY"),
                new Leg(2, Side.CREDIT, 5, "CNY"))))).isEmpty();
        assertThat(LoanRepayment.of(new Posting("V-3", PostingTemplate.LOAN_REPAY, List.of(new Leg(1, Side.CREDIT, 5, "CNY"),
                new Leg(2, Side.DEBIT, 5, "CNY"))))).isEmpty();
    }
}
