package io.creditsuite.credit.infrastructure.rpc;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.fakes.InMemoryCredit;
import io.creditsuite.credit.domain.Balances;
import java.util.Map;
import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.junit.jupiter.api.Test;

/**
 * The TCC phases of a credit hold (CreditLimitTccActionImpl over the application's handlers) against in-memory
 * ports, without Spring or Seata's coordinator: the action is called as the TC would call it. Seata's fence
 * (which refuses a late try after a cancel) is outside this seam.
 */
class CreditLimitTccActionTest {
    private final InMemoryCredit credit = new InMemoryCredit();
    private final long leaf = product(credit.grantLine("L1", "alice", 1_000));
    private final CreditLimitTccActionImpl action = new CreditLimitTccActionImpl(credit.freeze, credit.holds,
            credit.directory);

    /** What each try froze, as Seata keeps it in the branch's action context for phase two. */
    private final Map<String, Long> tried = new java.util.HashMap<>();

    private BusinessActionContext phaseTwoOf(String holdId) {
        Map<String, Object> context = new java.util.HashMap<>(Map.of("holdId", holdId));
        if (tried.containsKey(holdId)) {
            context.put("amountMinor", tried.get(holdId));
        }
        return new BusinessActionContext("xid-" + holdId, "creditLimitTcc", context);
    }

    private void tryHold(String holdId, long amountMinor) {
        tried.put(holdId, amountMinor);
        action.tryFreeze(phaseTwoOf(holdId), holdId, amountMinor,
                new FreezeRequest(holdId, "L1", leaf, 0, amountMinor, "CNY", null));
    }

    private Balances leaf() {
        return credit.directory.balances(leaf);
    }

    @Test
    void try_freezes_and_confirm_uses_exactly_what_the_try_froze_once() {
        tryHold("t-1", 300);
        assertThat(leaf().frozenMinor()).isEqualTo(300);

        assertThat(action.confirm(phaseTwoOf("t-1"))).isTrue();
        assertThat(action.confirm(phaseTwoOf("t-1"))).isTrue();

        assertThat(leaf().frozenMinor()).isZero();
        assertThat(leaf().inTransitMinor()).isEqualTo(300);
    }

    @Test
    void cancel_releases_what_the_try_froze_once() {
        tryHold("t-1", 300);

        assertThat(action.cancel(phaseTwoOf("t-1"))).isTrue();
        assertThat(action.cancel(phaseTwoOf("t-1"))).isTrue();

        assertThat(leaf().frozenMinor()).isZero();
        assertThat(leaf().inTransitMinor()).isZero();
    }

    @Test
    void a_cancel_without_a_try_is_an_empty_rollback_that_writes_nothing() {
        int flows = credit.directory.flowCount();

        assertThat(action.cancel(phaseTwoOf("t-never"))).isTrue();

        assertThat(credit.directory.flowCount()).isEqualTo(flows);
        assertThat(credit.directory.hold("t-never")).isEmpty();
    }

    @Test
    void a_try_beyond_the_limit_fails_so_that_its_branch_rolls_back_and_nothing_is_frozen() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> tryHold("t-1", 1_001));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.LIMIT_INSUFFICIENT);
        assertThat(leaf().frozenMinor()).isZero();
        assertThat(action.cancel(phaseTwoOf("t-1"))).isTrue();
    }

    @Test
    void confirm_succeeds_even_when_the_line_was_frozen_after_the_try() {
        tryHold("t-1", 300);
        credit.freezeLine("L1");

        assertThat(action.confirm(phaseTwoOf("t-1"))).isTrue();

        assertThat(leaf().inTransitMinor()).isEqualTo(300);
        assertThat(leaf().frozenMinor()).isZero();
    }
}
