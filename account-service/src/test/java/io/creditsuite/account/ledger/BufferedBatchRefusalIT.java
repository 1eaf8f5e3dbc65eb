package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.BufferedPostingGate;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 10, defect 7: two copies of one voucher in one consumed batch. The consumer hands the batch to
 * {@link BufferedPostingGate#applyAll} (what {@code BufferedPostingConsumer} does with the messages of one pull);
 * a voucher must never have both a kept refusal and journal entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BufferedBatchRefusalIT extends LedgerItSupport {

    @Autowired
    BufferedPostingGate gate;

    @Test
    void a_copy_after_a_refused_first_copy_in_the_same_batch_is_not_posted() {
        long clearing = openAsset().accountId();
        long customer = openCustomer().accountId();
        String v = voucher();
        ResolvedPosting withdraw = command(v, "WITHDRAW", customer, clearing, 100);   // customer holds 0: refused
        ResolvedPosting funding = command(voucher(), "RECHARGE", clearing, customer, 100);

        gate.applyAll(List.of(withdraw, funding, withdraw));

        assertThat(refusals(v) + "/" + entries(v)).as("refusal rows / journal rows of the voucher")
                .isIn("1/0", "0/2");
        assertThat(refusals(v)).as("the first copy's refusal is the voucher's answer").isEqualTo(1);
        assertThat(balance(customer)).isEqualTo(100);
    }

    @Test
    void a_copy_with_another_body_after_a_posted_voucher_does_not_record_a_refusal_for_it() {
        long clearing = openAsset().accountId();
        long customer = openCustomer().accountId();
        String v = voucher();

        gate.applyAll(List.of(command(v, "RECHARGE", clearing, customer, 100), command(v, "RECHARGE", clearing, customer, 7)));

        assertThat(entries(v)).isEqualTo(2);
        assertThat(refusals(v)).as("the voucher is posted; the other body's VOUCHER_REUSED is not its answer").isZero();
        assertThat(balance(customer)).isEqualTo(100);
    }

    private static ResolvedPosting command(String voucher, String type, long debit, long credit, long amount) {
        Posting p = new Posting(voucher, type, List.of(new Leg(debit, Side.DEBIT, amount, "CNY"),
                new Leg(credit, Side.CREDIT, amount, "CNY")));
        return ResolvedPosting.of(p, p.digest(), "trace");
    }

    private long refusals(String voucher) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM buffered_refusal WHERE voucher_no = ?", Long.class, voucher);
    }

    private long entries(String voucher) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE voucher_no = ?", Long.class, voucher);
    }
}
