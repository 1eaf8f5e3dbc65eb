package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.ApprovalDecisionRequest;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditLimitTccService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Amounts near {@code Long.MAX_VALUE} through every command: a sum past it is refused with a clear code
 * ({@code CREDIT_AMOUNT_OVERFLOW}, or the hold rule the amount breaks) and writes nothing; nothing wraps.
 */
class CreditOverflowIT extends CreditLimitITSupport {
    private static final long MAX = Long.MAX_VALUE;

    @Autowired
    CreditLimitTccService tcc;

    GrantLineResult line;
    long leaf;

    @BeforeEach
    void aLineWithTheLargestLimit() {
        String holder = customer(CustomerSource.ENTERPRISE, null, null);
        line = grant(customer(CustomerSource.BANK, null, null), holder, LimitType.GUARANTEE, MAX, null, true,
                List.of(new BusinessTypeGrant("bt-max", MAX, List.of(new ProductGrant("p-max", MAX)))));
        leaf = product(line);
    }

    @AfterEach
    void theFlowLogStillRebuildsEveryNodeAndTheLinesGo() {
        assertReplayReproducesEveryNode();
        removeTheLinesOfThisTest();
    }

    /**
     * The ITs share one database, and sums across all lines (reports by limit type, the ITs' write counts) must not
     * meet amounts near Long.MAX_VALUE they did not write: this test's lines, with everything on them, go again.
     */
    private void removeTheLinesOfThisTest() {
        List<String> lines = jdbc.queryForList("SELECT line_id FROM credit_line WHERE line_id IN (SELECT line_id FROM"
                + " limit_node WHERE fixed_minor > ? OR temporary_minor > ?)", String.class, MAX / 4, MAX / 4);
        for (String lineId : lines) {
            jdbc.update("DELETE e FROM credit_flow_entry e JOIN limit_node n ON n.node_id = e.node_id WHERE n.line_id = ?",
                    lineId);
            jdbc.update("DELETE e FROM limit_edge e JOIN limit_node n ON n.node_id = e.child_node_id OR"
                    + " n.node_id = e.parent_node_id WHERE n.line_id = ?", lineId);
        }
        for (String lineId : lines) {
            jdbc.update("DELETE FROM credit_flow_entry WHERE flow_seq IN (SELECT flow_seq FROM credit_flow WHERE line_id = ?)",
                    lineId);
            jdbc.update("DELETE FROM credit_flow WHERE line_id = ?", lineId);
            jdbc.update("DELETE FROM credit_hold WHERE line_id = ?", lineId);
            jdbc.update("DELETE FROM limit_node WHERE line_id = ?", lineId);
            jdbc.update("DELETE FROM credit_approval WHERE line_id = ?", lineId);
            jdbc.update("DELETE FROM credit_audit WHERE line_id = ?", lineId);
            jdbc.update("DELETE FROM credit_line WHERE line_id = ?", lineId);
        }
    }

    @Test
    void a_grant_past_its_parent_by_overflow_is_refused_and_writes_nothing() {
        GrantLineResult parent = grant(customer(CustomerSource.BANK, null, null), customer(CustomerSource.ENTERPRISE,
                null, null), LimitType.DOWNSTREAM_SELF_USE, MAX, null, true, List.of());
        grantUnder(root(parent), 10, 0, null);
        List<?> before = writes();

        // 10 + (MAX - 5) wraps to a negative sum, which "fits" any parent unless the sum is exact
        assertThat(codeOf(() -> grantUnder(root(parent), MAX - 5, 0, null))).isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(codeOf(() -> grantUnder(root(parent), 0, MAX,
                System.currentTimeMillis() + Duration.ofDays(1).toMillis()))).isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void freezes_direct_uses_and_tcc_tries_past_the_largest_balance_are_refused_and_write_nothing() throws Exception {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, MAX - 1, CNY, null));
        assertThat(hold.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        List<?> before = writes();

        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 5, CNY, null))))
                .isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, MAX, CNY, null))))
                .isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(codeOf(() -> limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, MAX, CNY))))
                .isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(60_000, "credit-overflow-it");
        try {
            assertThat(codeOf(() -> tcc.tryFreeze(new FreezeRequest(id("tcc"), line.lineId(), leaf, 0, MAX, CNY, null))))
                    .isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        } finally {
            tx.rollback();
        }
        assertThat(writes()).isEqualTo(before);

        // the largest hold moves through use, disbursement, return and release without wrapping
        limits.use(new UseRequest(id("r"), hold.holdId(), MAX - 1, CNY));
        limits.disburse(new DisburseRequest(id("r"), hold.holdId(), MAX - 1, CNY));
        limits.repay(new ReturnRequest(id("r"), hold.holdId(), MAX - 1, CNY));
        assertThat(node(line.lineId(), leaf).availableMinor()).isEqualTo(MAX);
    }

    @Test
    void uses_disbursements_returns_and_releases_of_the_largest_amounts_answer_their_hold_rule() {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, MAX - 1, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 1, CNY));
        List<?> before = writes();

        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), hold.holdId(), MAX, CNY))))
                .isEqualTo(ErrorCode.USE_EXCEEDS_HOLD);
        assertThat(codeOf(() -> limits.disburse(new DisburseRequest(id("r"), hold.holdId(), MAX, CNY))))
                .isEqualTo(ErrorCode.DISBURSE_EXCEEDS_IN_TRANSIT);
        assertThat(codeOf(() -> limits.repay(new ReturnRequest(id("r"), hold.holdId(), MAX, CNY))))
                .isEqualTo(ErrorCode.RETURN_EXCEEDS_USED);
        assertThat(writes()).isEqualTo(before);

        limits.unfreeze(new UnfreezeRequest(id("r"), hold.holdId()));
        assertThat(node(line.lineId(), leaf).frozenMinor()).isZero();
    }

    @Test
    void an_adjustment_whose_limit_would_pass_the_largest_amount_is_refused_and_writes_nothing() {
        List<?> before = writes();
        long tomorrow = System.currentTimeMillis() + Duration.ofDays(1).toMillis();

        // fixed MAX plus a temporary 1: a limit past Long.MAX_VALUE (below the maker-checker threshold: applied at once)
        assertThat(codeOf(() -> maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "raise", leaf, MAX, 1,
                tomorrow)))).isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void an_approved_adjustment_that_grants_a_child_past_its_parent_by_overflow_is_refused() {
        GrantLineResult parent = grant(customer(CustomerSource.BANK, null, null), customer(CustomerSource.ENTERPRISE,
                null, null), LimitType.DOWNSTREAM_SELF_USE, MAX, null, true, List.of());
        grantUnder(root(parent), MAX - 10, 0, null);
        GrantLineResult child = grantUnder(root(parent), 5, 0, null);
        MaintenanceResult pending = maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "raise",
                root(child), MAX - 1, 0, null));
        assertThat(pending.outcome()).isEqualTo(MaintenanceOutcome.PENDING_APPROVAL);
        List<?> before = writes();

        assertThat(codeOf(() -> maintenance.decideApproval(new ApprovalDecisionRequest(id("r"), pending.approvalId(),
                "checker-1", true, "ok")))).isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(writes()).isEqualTo(before);
    }

    private GrantLineResult grantUnder(long parentNode, long fixed, long temporary, Long temporaryExpiresAt) {
        long now = System.currentTimeMillis();
        return maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "approved application", id("line"),
                customer(CustomerSource.BANK, null, null), customer(CustomerSource.DEALER, null, null),
                LimitType.DOWNSTREAM_SELF_USE, CNY, "subject-1", now - 60_000, now + Duration.ofDays(365).toMillis(), true,
                "0.0435", fixed, temporary, temporaryExpiresAt, parentNode, List.of()));
    }
}
