package io.creditsuite.credit.application;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.fakes.InMemoryCredit;
import io.creditsuite.credit.domain.Balances;
import org.junit.jupiter.api.Test;

/**
 * Holds (冻结), their use and release (FreezeLimitHandler, HoldOperationHandler) against in-memory ports; the
 * change port applies the domain's FlowRule (the seam above the SQL-guarded group-commit writer).
 */
class CreditHoldsTest {
    private final InMemoryCredit credit = new InMemoryCredit();
    private final GrantLineResult line = credit.grantLine("L1", "alice", 1_000);
    private final long leaf = product(line);

    private LimitOperationResult hold(String requestId, long amountMinor) {
        return credit.freeze.handle(new FreezeRequest(requestId, "L1", leaf, 0, amountMinor, "CNY", null));
    }

    private void assertEveryNodeOfTheLine(long frozen, long inTransit) {
        for (LimitNodeView node : line.nodes()) {
            Balances b = credit.directory.balances(node.nodeId());
            assertThat(b.frozenMinor()).as("frozen of node %s", node.nodeId()).isEqualTo(frozen);
            assertThat(b.inTransitMinor()).as("in transit of node %s", node.nodeId()).isEqualTo(inTransit);
        }
    }

    @Test
    void a_hold_freezes_its_amount_on_every_node_of_its_path() {
        LimitOperationResult result = hold("h-1", 300);

        assertThat(result.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        assertThat(result.holdId()).isEqualTo("h-1");
        assertEveryNodeOfTheLine(300, 0);
        assertThat(credit.directory.hold("h-1").orElseThrow().frozenMinor()).isEqualTo(300);
    }

    @Test
    void a_hold_beyond_the_available_limit_is_answered_limit_insufficient_and_writes_nothing() {
        hold("h-1", 600);
        int flows = credit.directory.flowCount();

        LimitOperationResult result = hold("h-2", 401);

        assertThat(result.outcome()).isEqualTo(LimitOutcome.LIMIT_INSUFFICIENT);
        assertThat(credit.directory.hold("h-2")).isEmpty();
        assertThat(credit.directory.flowCount()).isEqualTo(flows);
        assertEveryNodeOfTheLine(600, 0);
        assertThat(hold("h-3", 400).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
    }

    @Test
    void a_retried_hold_gets_its_original_answer_and_another_body_under_its_id_is_refused() {
        LimitOperationResult first = hold("h-1", 300);

        LimitOperationResult retry = hold("h-1", 300);
        ApiException reused = catchThrowableOfType(ApiException.class, () -> hold("h-1", 301));

        assertThat(retry).isEqualTo(first);
        assertThat(reused.errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertEveryNodeOfTheLine(300, 0);
    }

    @Test
    void a_use_moves_its_amount_from_frozen_to_in_transit_and_a_use_beyond_the_hold_is_refused() {
        hold("h-1", 300);

        credit.holds.use(new UseRequest("u-1", "h-1", 200, "CNY"));
        ApiException tooMuch = catchThrowableOfType(ApiException.class,
                () -> credit.holds.use(new UseRequest("u-2", "h-1", 101, "CNY")));

        assertThat(tooMuch.errorCode()).isEqualTo(ErrorCode.USE_EXCEEDS_HOLD);
        assertEveryNodeOfTheLine(100, 200);
    }

    @Test
    void a_release_gives_back_what_is_still_frozen_and_keeps_what_was_used() {
        hold("h-1", 300);
        credit.holds.use(new UseRequest("u-1", "h-1", 200, "CNY"));

        credit.holds.unfreeze(new UnfreezeRequest("r-1", "h-1"));

        assertEveryNodeOfTheLine(0, 200);
        assertThat(credit.directory.hold("h-1").orElseThrow().frozenMinor()).isZero();
    }

    @Test
    void a_frozen_line_takes_no_new_hold_and_nothing_is_written() {
        credit.freezeLine("L1");
        int flows = credit.directory.flowCount();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> hold("h-1", 100));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.LINE_FROZEN);
        assertThat(credit.directory.flowCount()).isEqualTo(flows);
        assertEveryNodeOfTheLine(0, 0);
    }

    @Test
    void a_hold_on_an_unknown_hold_id_is_refused() {
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> credit.holds.use(new UseRequest("u-1", "h-404", 1, "CNY")));

        assertThat(unknown.errorCode()).isEqualTo(ErrorCode.HOLD_UNKNOWN);
    }
}
