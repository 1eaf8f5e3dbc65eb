package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table of EntryMovement: what each movement does to (available, frozen, inTransit) and to the balance. */
class EntryMovementTest {
    private static final SubBalances BEFORE = new SubBalances(100, 40, 25);

    @Test
    void each_movement_moves_the_sub_balances_its_javadoc_states_and_before_undoes_after() {
        check(EntryMovement.POSTING, 10, new SubBalances(110, 40, 25));
        check(EntryMovement.POSTING, -10, new SubBalances(90, 40, 25));
        check(EntryMovement.SETTLE_FROZEN, -10, new SubBalances(100, 30, 25));
        check(EntryMovement.SETTLE_IN_TRANSIT, 10, new SubBalances(110, 40, 15));
        check(EntryMovement.FREEZE, -10, new SubBalances(90, 50, 25));
        check(EntryMovement.UNFREEZE, -10, new SubBalances(110, 30, 25));
        check(EntryMovement.PROMISE_INFLOW, 10, new SubBalances(100, 40, 35));
        check(EntryMovement.WITHDRAW_PROMISE, 10, new SubBalances(100, 40, 15));
    }

    @Test
    void only_postings_and_settlements_change_the_balance_and_settlements_only_in_their_direction() {
        for (EntryMovement m : EntryMovement.values()) {
            long balanceChange = m.after(BEFORE, m == EntryMovement.SETTLE_IN_TRANSIT ? 10 : -10, 10).balanceMinor()
                    - BEFORE.balanceMinor();
            assertThat(balanceChange != 0).as(m.name()).isEqualTo(m.changesBalance());
        }
        assertThat(EntryMovement.SETTLE_FROZEN.allows(10)).isFalse();
        assertThat(EntryMovement.SETTLE_IN_TRANSIT.allows(-10)).isFalse();
        assertThat(EntryMovement.FREEZE.allows(-10)).isTrue();
    }

    private static void check(EntryMovement m, long signed, SubBalances expected) {
        SubBalances after = m.after(BEFORE, signed, Math.abs(signed));
        assertThat(after).as(m.name()).isEqualTo(expected);
        assertThat(m.before(after, signed, Math.abs(signed))).as(m.name() + " undone").isEqualTo(BEFORE);
    }
}
