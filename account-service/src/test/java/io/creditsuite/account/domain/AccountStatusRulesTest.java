package io.creditsuite.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rules of {@link AccountStatusPolicy}, without a database. */
class AccountStatusRulesTest {

    @Test
    void freeze_unfreeze_and_close_follow_the_allowed_transitions() {
        assertThat(AccountStatusPolicy.target(account(AccountState.ACTIVE, null), StatusAction.FREEZE))
                .isEqualTo(AccountState.FROZEN);
        assertThat(AccountStatusPolicy.target(account(AccountState.FROZEN, null), StatusAction.UNFREEZE))
                .isEqualTo(AccountState.ACTIVE);
        assertThat(AccountStatusPolicy.target(account(AccountState.ACTIVE, null), StatusAction.CLOSE))
                .isEqualTo(AccountState.CLOSED);
        assertThat(AccountStatusPolicy.target(account(AccountState.FROZEN, null), StatusAction.CLOSE))
                .isEqualTo(AccountState.CLOSED);
    }

    @Test
    void a_change_the_current_status_does_not_allow_is_an_illegal_transition() {
        assertThat(refusal(AccountState.ACTIVE, StatusAction.UNFREEZE)).isEqualTo(LedgerError.STATUS_TRANSITION_ILLEGAL);
        assertThat(refusal(AccountState.FROZEN, StatusAction.FREEZE)).isEqualTo(LedgerError.STATUS_TRANSITION_ILLEGAL);
    }

    @Test
    void a_closed_account_is_never_reopened_nor_changed() {
        for (StatusAction action : StatusAction.values()) {
            assertThat(refusal(AccountState.CLOSED, action)).as(action.name()).isEqualTo(LedgerError.ACCOUNT_CLOSED_FINAL);
        }
    }

    @Test
    void a_sub_account_changes_only_with_its_parent() {
        LedgerException e = catchThrowableOfType(LedgerException.class,
                () -> AccountStatusPolicy.target(account(AccountState.ACTIVE, 1L), StatusAction.FREEZE));
        assertThat(e.error()).isEqualTo(LedgerError.STATUS_TRANSITION_ILLEGAL);
        assertThat(e.getMessage()).contains("sub-account of 1");
    }

    @Test
    void close_requires_no_money_no_hold_nothing_in_transit_and_no_pending_detail() {
        AccountStatusPolicy.requireEmpty(List.of(account(0, 0, 0)), List.of(0L));
        assertThat(notEmpty(account(1, 0, 0), 0)).contains("available 1");
        assertThat(notEmpty(account(-1, 0, 0), 0)).contains("available -1");
        assertThat(notEmpty(account(0, 5, 0), 0)).contains("frozen 5");
        assertThat(notEmpty(account(0, 0, 7), 0)).contains("in transit 7");
        assertThat(notEmpty(account(0, 0, 0), 9)).contains("pending details 9");
    }

    @Test
    void a_status_request_needs_a_request_id_an_operator_and_a_reason() {
        assertThat(malformed(() -> new StatusChange("bad id!", 1, StatusAction.FREEZE, "ops", "why"))).isTrue();
        assertThat(malformed(() -> new StatusChange("r-1", 1, null, "ops", "why"))).isTrue();
        assertThat(malformed(() -> new StatusChange("r-1", 1, StatusAction.FREEZE, " ", "why"))).isTrue();
        assertThat(malformed(() -> new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", ""))).isTrue();
        assertThat(malformed(() -> new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", "x".repeat(257)))).isTrue();
        assertThat(malformed(() -> new StatusChange("r-1", 1, StatusAction.FREEZE, "ops", "why"))).isFalse();
    }

    private static LedgerError refusal(AccountState from, StatusAction action) {
        return catchThrowableOfType(LedgerException.class,
                () -> AccountStatusPolicy.target(account(from, null), action)).error();
    }

    private static String notEmpty(Account account, long pending) {
        LedgerException e = catchThrowableOfType(LedgerException.class,
                () -> AccountStatusPolicy.requireEmpty(List.of(account), List.of(pending)));
        assertThat(e.error()).isEqualTo(LedgerError.ACCOUNT_NOT_EMPTY);
        return e.getMessage();
    }

    private static boolean malformed(Runnable construct) {
        try {
            construct.run();
            return false;
        } catch (LedgerException e) {
            return e.error() == LedgerError.INVALID_ARGUMENT;
        }
    }

    private static Account account(AccountState state, Long parentId) {
        return Accounts.liability(2).state(state).routing(new HotRouting(PostingMode.NORMAL, parentId, 0, 0)).build();
    }

    private static Account account(long available, long frozen, long inTransit) {
        return Accounts.asset(3).overdraft(10).available(available).frozen(frozen).inTransit(inTransit).build();
    }
}
