package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SubAccountPolicy}: which sub-account a leg takes on each attempt, and when a refusal fails over. */
class SubAccountPolicyTest {
    private static final List<Long> SUBS = List.of(11L, 12L, 13L, 14L);

    @Test
    void attempt_k_takes_the_kth_sub_account_of_the_voucher_order_and_n_attempts_visit_each_once() {
        List<Long> order = SubAccountPolicy.order("voucher-7", SUBS);
        List<Long> visited = new ArrayList<>();
        for (int attempt = 0; attempt < SUBS.size(); attempt++) {
            visited.add(SubAccountPolicy.choice("voucher-7", SUBS, attempt));
        }

        assertThat(visited).isEqualTo(order).containsExactlyInAnyOrderElementsOf(SUBS);
        assertThat(SubAccountPolicy.choice("voucher-7", SUBS, 0)).as("a retry lands where the first try did")
                .isEqualTo(SubAccountPolicy.choice("voucher-7", SUBS, 0));
        assertThat(SubAccountPolicy.choice("voucher-7", SUBS, SUBS.size())).as("k mod n").isEqualTo(order.get(0));
    }

    @Test
    void only_a_shortage_on_a_sub_account_fails_over_and_at_most_n_attempts_are_made() {
        int n = SUBS.size();
        int attempts = 1;
        while (SubAccountPolicy.failsOver(LedgerError.INSUFFICIENT_BALANCE, true, attempts - 1, n)) {
            attempts++;
        }
        assertThat(attempts).as("a posting short on every sub-account is tried n times").isEqualTo(n);

        assertThat(SubAccountPolicy.failsOver(LedgerError.INSUFFICIENT_BALANCE, false, 0, n))
                .as("a shortage on an ordinary account is final").isFalse();
        assertThat(SubAccountPolicy.failsOver(LedgerError.ACCOUNT_FROZEN, true, 0, n))
                .as("another refusal is final").isFalse();
        assertThat(SubAccountPolicy.failsOver(LedgerError.INSUFFICIENT_BALANCE, true, 0, 1))
                .as("no split leg: nothing to fail over to").isFalse();
    }
}
