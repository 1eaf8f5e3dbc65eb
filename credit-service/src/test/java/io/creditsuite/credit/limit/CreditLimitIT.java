package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds, uses, disbursements and returns over the Dubbo provider, on the real database. */
class CreditLimitIT extends CreditLimitITSupport {
    String upstream;
    String downstream;
    GrantLineResult guarantee;
    GrantLineResult line;
    long leaf;

    @BeforeEach
    void aDownstreamLineUnderAnUpstreamGuarantee() {
        upstream = customer(CustomerSource.ENTERPRISE, "group-" + id("g"), null);
        downstream = customer(CustomerSource.DEALER, null, "dept-" + id("d"));
        guarantee = guarantee(upstream, 1_000);
        line = vendorLine(upstream, downstream, root(guarantee), 600, true);
        leaf = product(line);
    }

    @AfterEach
    void theFlowLogStillRebuildsEveryNode() {
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_hold_moves_through_use_disbursement_and_return_on_every_node_of_its_path() {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 50, 300, CNY, null));
        assertThat(hold.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        assertEveryNodeOnThePath(n -> assertThat(n.frozenMinor()).isEqualTo(300));

        limits.use(new UseRequest(id("r"), hold.holdId(), 200, CNY));
        limits.disburse(new DisburseRequest(id("r"), hold.holdId(), 150, CNY));
        assertEveryNodeOnThePath(n -> {
            assertThat(n.frozenMinor()).isEqualTo(100);
            assertThat(n.inTransitMinor()).isEqualTo(50);
            assertThat(n.inUseMinor()).isEqualTo(150);
            assertThat(n.usedMinor()).isEqualTo(200);
        });
        assertThat(node(guarantee.lineId(), root(guarantee)).availableMinor()).isEqualTo(1_000 - 300);

        limits.repay(new ReturnRequest(id("r"), hold.holdId(), 150, CNY));
        limits.unfreeze(new UnfreezeRequest(id("r"), hold.holdId()));
        assertEveryNodeOnThePath(n -> {
            assertThat(n.frozenMinor()).isZero();
            assertThat(n.inUseMinor()).isZero();
            assertThat(n.usedMinor()).isEqualTo(50);
        });
        assertThat(node(line.lineId(), leaf).availableMinor()).as("revolving: the return came back").isEqualTo(550);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow WHERE hold_id = ?", Long.class, hold.holdId()))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT CONCAT(from_customer_id, '>', to_customer_id, ':', cash_minor, '+',"
                + " credit_minor) FROM credit_flow WHERE request_id = ?", String.class, hold.requestId()))
                .isEqualTo(upstream + ">" + downstream + ":50+300");
    }

    /** Called in-process (no Dubbo or HTTP edge set a request id), a flow's trace id is its own request id. */
    @Test
    void a_flow_written_in_process_carries_its_request_id_as_trace_id() {
        String requestId = id("r");
        LimitOperationResult use = limits.useDirect(new DirectUseRequest(requestId, line.lineId(), leaf, 0, 5, CNY));
        assertThat(jdbc.queryForObject("SELECT trace_id FROM credit_flow WHERE request_id = ?", String.class,
                requestId)).isEqualTo(requestId);

        String holdId = id("r");
        limits.freeze(new FreezeRequest(holdId, line.lineId(), leaf, 0, 5, CNY, System.currentTimeMillis() + 1_000));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM credit_flow WHERE request_id = ?", Long.class, "expire:" + holdId) == 1);
        assertThat(jdbc.queryForObject("SELECT trace_id FROM credit_flow WHERE request_id = ?", String.class,
                "expire:" + holdId)).as("a derived id that fits the column").isEqualTo("expire:" + holdId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow WHERE line_id IN (?, ?)"
                + " AND (trace_id IS NULL OR trace_id = '')", Long.class, line.lineId(), guarantee.lineId()))
                .as("flows without a trace id, the grants' included").isZero();
        assertThat(use.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
    }

    @Test
    void a_non_revolving_line_does_not_get_its_available_back_on_return() {
        GrantLineResult once = vendorLine(upstream, downstream, root(guarantee), 100, false);
        long onceLeaf = product(once);
        LimitOperationResult use = limits.useDirect(new DirectUseRequest(id("r"), once.lineId(), onceLeaf, 0, 100, CNY));
        limits.disburse(new DisburseRequest(id("r"), use.holdId(), 100, CNY));

        limits.repay(new ReturnRequest(id("r"), use.holdId(), 100, CNY));

        LimitNodeView after = node(once.lineId(), onceLeaf);
        assertThat(after.usedMinor()).isZero();
        assertThat(after.availableMinor()).isZero();
        assertThat(after.retiredMinor()).isEqualTo(100);
        assertThat(node(guarantee.lineId(), root(guarantee)).availableMinor())
                .as("the guarantee line is revolving: the upstream's risk is gone").isEqualTo(1_000);
    }

    @Test
    void a_use_the_shared_guarantee_cannot_carry_changes_no_node_at_all() {
        GrantLineResult other = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 900, true);
        limits.useDirect(new DirectUseRequest(id("r"), other.lineId(), product(other), 0, 900, CNY));
        List<?> before = writes();

        LimitOperationResult refused = limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 101, CNY));

        assertThat(refused.outcome()).isEqualTo(LimitOutcome.LIMIT_INSUFFICIENT);
        assertThat(refused.detail()).contains("node " + root(guarantee));
        assertThat(writes()).isEqualTo(before);
        assertThat(limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 100, CNY)).outcome())
                .isEqualTo(LimitOutcome.ACCEPTED);
    }

    @Test
    void a_retry_returns_the_original_result_and_a_reused_id_with_another_body_is_refused() {
        String requestId = id("r");
        LimitOperationResult first = limits.useDirect(new DirectUseRequest(requestId, line.lineId(), leaf, 0, 10, CNY));
        List<?> after = writes();

        LimitOperationResult retry = limits.useDirect(new DirectUseRequest(requestId, line.lineId(), leaf, 0, 10, CNY));

        assertThat(retry).isEqualTo(first);
        assertThat(codeOf(() -> limits.useDirect(new DirectUseRequest(requestId, line.lineId(), leaf, 0, 11, CNY))))
                .isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(writes()).isEqualTo(after);

        // a retry of any operation applied before the line was frozen still gets its original answer, not an error
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 10, CNY, null));
        UseRequest use = new UseRequest(id("r"), hold.holdId(), 5, CNY);
        DisburseRequest disburse = new DisburseRequest(id("r"), hold.holdId(), 5, CNY);
        ReturnRequest repay = new ReturnRequest(id("r"), hold.holdId(), 2, CNY);
        UnfreezeRequest release = new UnfreezeRequest(id("r"), hold.holdId());
        List<LimitOperationResult> applied = List.of(limits.use(use), limits.disburse(disburse), limits.repay(repay),
                limits.unfreeze(release));
        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "risk", line.lineId(), LineAction.FREEZE));
        List<?> frozen = writes();

        assertThat(List.of(limits.use(use), limits.disburse(disburse), limits.repay(repay), limits.unfreeze(release)))
                .isEqualTo(applied);
        assertThat(limits.freeze(new FreezeRequest(hold.requestId(), line.lineId(), leaf, 0, 10, CNY, null)))
                .isEqualTo(hold);
        assertThat(codeOf(() -> limits.repay(new ReturnRequest(repay.requestId(), hold.holdId(), 3, CNY))))
                .as("the same id with another body").isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(codeOf(() -> limits.repay(new ReturnRequest(id("r"), hold.holdId(), 1, CNY))))
                .as("a new repayment").isEqualTo(ErrorCode.LINE_FROZEN);
        assertThat(writes()).isEqualTo(frozen);
    }

    @Test
    void bad_input_gets_its_error_code_and_writes_nothing() {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 20, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 10, CNY));
        String lineId = line.lineId();
        List<?> before = writes();

        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), "no-such-line", leaf, 0, 1, CNY, null))))
                .isEqualTo(ErrorCode.CREDIT_LINE_UNKNOWN);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, 987_654_321L, 0, 1, CNY, null))))
                .isEqualTo(ErrorCode.LIMIT_NODE_UNKNOWN);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, root(guarantee), 0, 1, CNY, null))))
                .as("a node of another line").isEqualTo(ErrorCode.LIMIT_NODE_UNKNOWN);
        assertThat(codeOf(() -> limits.nodeTree(new NodeTreeQuery(NodeScope.CUSTOMER, "no-such-customer"))))
                .isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, 0, 0, CNY, null))))
                .isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, 0, -5, CNY, null))))
                .isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, -1, 5, CNY, null))))
                .isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, Long.MAX_VALUE, 5, CNY, null))))
                .as("cash + credit overflows").isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> limits.useDirect(new DirectUseRequest(id("r"), lineId, leaf, 0, Long.MAX_VALUE, CNY))))
                .as("the node's balance would overflow").isEqualTo(ErrorCode.CREDIT_AMOUNT_OVERFLOW);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, 0, 5, "USD", null))))
                .isEqualTo(ErrorCode.CREDIT_CURRENCY_MISMATCH);
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), hold.holdId(), 5, "USD"))))
                .isEqualTo(ErrorCode.CREDIT_CURRENCY_MISMATCH);
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), hold.holdId(), 11, CNY))))
                .isEqualTo(ErrorCode.USE_EXCEEDS_HOLD);
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), "no-such-hold", 1, CNY))))
                .isEqualTo(ErrorCode.HOLD_UNKNOWN);
        assertThat(codeOf(() -> limits.disburse(new DisburseRequest(id("r"), hold.holdId(), 11, CNY))))
                .isEqualTo(ErrorCode.DISBURSE_EXCEEDS_IN_TRANSIT);
        assertThat(codeOf(() -> limits.repay(new ReturnRequest(id("r"), hold.holdId(), 1, CNY))))
                .as("nothing is in use yet").isEqualTo(ErrorCode.RETURN_EXCEEDS_USED);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(" ", lineId, leaf, 0, 5, CNY, null))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> limits.unfreeze(new UnfreezeRequest("expire:" + hold.holdId(), hold.holdId()))))
                .as("the form of the service's own derived ids").isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> limits.freeze(new FreezeRequest(id("r"), lineId, leaf, 0, 5, CNY, 1L))))
                .as("an expiry in the past").isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(writes()).isEqualTo(before);
    }

    /**
     * The bad-input rule "any operation on an expired or frozen line: a clear error code, nothing written", for every
     * caller operation, a repayment and a release of a hold too. Its two exceptions (TCC phase two and the release
     * of an expired hold) are proved by {@code CreditLimitTccIT} and the test below this one.
     */
    @Test
    void a_frozen_cleared_or_expired_line_takes_no_caller_operation_and_nothing_is_written() {
        // a hold with something frozen, in transit and in use, so that every operation would have something to move
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 30, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 20, CNY));
        limits.disburse(new DisburseRequest(id("r"), hold.holdId(), 10, CNY));
        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "risk", line.lineId(), LineAction.FREEZE));

        everyCallerOperationIsRefused(hold.holdId(), ErrorCode.LINE_FROZEN,
                "line " + line.lineId() + " is frozen; unfreeze the line, then retry the ");

        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "ok", line.lineId(), LineAction.UNFREEZE));
        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "risk", line.lineId(), LineAction.CLEAR));
        everyCallerOperationIsRefused(hold.holdId(), ErrorCode.LINE_CLEARED,
                "line " + line.lineId() + " is cleared; restore the line, then retry the ");

        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "ok", line.lineId(), LineAction.RESTORE));
        long now = System.currentTimeMillis();
        jdbc.update("UPDATE credit_line SET term_end = ? WHERE line_id = ?", new java.sql.Timestamp(now - 10_000),
                line.lineId());
        // the line cache holds a line at most 2 s (the writer reads it fresh under its lock anyway)
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> codeOf(() -> limits.freeze(new FreezeRequest(
                id("r"), line.lineId(), leaf, 0, 1, CNY, null))) == ErrorCode.LINE_EXPIRED);
        everyCallerOperationIsRefused(hold.holdId(), ErrorCode.LINE_EXPIRED,
                "; an expired line takes no ");
    }

    /** Hold, use (of the hold and direct), release, disbursement and repayment: each refused, nothing written. */
    private void everyCallerOperationIsRefused(String holdId, ErrorCode code, String message) {
        List<?> before = writes();
        List<LimitNodeView> nodesBefore = limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()));
        java.util.Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> operations = new java.util.LinkedHashMap<>();
        operations.put("hold", () -> limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 1, CNY, null)));
        operations.put("use", () -> limits.use(new UseRequest(id("r"), holdId, 1, CNY)));
        operations.put("use ", () -> limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 1, CNY)));
        operations.put("release of the hold", () -> limits.unfreeze(new UnfreezeRequest(id("r"), holdId)));
        operations.put("disbursement", () -> limits.disburse(new DisburseRequest(id("r"), holdId, 1, CNY)));
        operations.put("repayment", () -> limits.repay(new ReturnRequest(id("r"), holdId, 1, CNY)));
        operations.forEach((name, call) -> {
            var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    io.creditsuite.api.error.ApiException.class, call);
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.errorCode()).as(name).isEqualTo(code);
            assertThat(refused.getMessage()).as(name).contains(message + name.trim());
        });
        assertThat(writes()).isEqualTo(before);
        assertThat(limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()))).isEqualTo(nodesBefore);
    }

    @Test
    void an_expired_hold_releases_itself_on_a_frozen_line_too() {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 40, CNY,
                System.currentTimeMillis() + 1_500));
        maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "risk", line.lineId(), LineAction.FREEZE));
        assertThat(codeOf(() -> limits.unfreeze(new UnfreezeRequest(id("r"), hold.holdId()))))
                .as("a caller's release").isEqualTo(ErrorCode.LINE_FROZEN);

        // the system's release of an expired hold is not a caller operation: it runs on a frozen line
        await().atMost(Duration.ofSeconds(15)).until(() -> node(line.lineId(), leaf).frozenMinor() == 0);

        assertEveryNodeOnThePath(n -> assertThat(n.frozenMinor()).isZero());
        assertThat(jdbc.queryForObject("SELECT flow_type FROM credit_flow WHERE request_id = ?", String.class,
                "expire:" + hold.holdId())).isEqualTo("EXPIRE");
    }

    @Test
    void an_expired_hold_releases_itself_and_can_no_longer_be_used() {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 40, CNY,
                System.currentTimeMillis() + 1_500));
        assertThat(node(line.lineId(), leaf).frozenMinor()).isEqualTo(40);

        await().atMost(Duration.ofSeconds(15)).until(() -> node(line.lineId(), leaf).frozenMinor() == 0);

        assertEveryNodeOnThePath(n -> assertThat(n.frozenMinor()).isZero());
        assertThat(jdbc.queryForObject("SELECT flow_type FROM credit_flow WHERE request_id = ?", String.class,
                "expire:" + hold.holdId())).isEqualTo("EXPIRE");
        // the documented answer at any time after expiry: HOLD_EXPIRED, not "use exceeds hold: 0 frozen", whatever the
        // amount (before the sweeper ran, HoldGuardTest covers the same rule on a hold still frozen)
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), hold.holdId(), 1, CNY))))
                .isEqualTo(ErrorCode.HOLD_EXPIRED);
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), hold.holdId(), 41, CNY))))
                .isEqualTo(ErrorCode.HOLD_EXPIRED);
    }

    @Test
    void the_node_tree_is_found_by_customer_line_group_and_department() {
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 7, CNY));
        String group = jdbc.queryForObject("SELECT group_id FROM credit_customer WHERE customer_id = ?", String.class,
                upstream);
        String department = jdbc.queryForObject("SELECT department FROM credit_customer WHERE customer_id = ?",
                String.class, downstream);

        List<LimitNodeView> byLine = limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()));
        List<LimitNodeView> byDownstream = limits.nodeTree(new NodeTreeQuery(NodeScope.CUSTOMER, downstream));
        List<LimitNodeView> byGroup = limits.nodeTree(new NodeTreeQuery(NodeScope.GROUP, group));
        List<LimitNodeView> byDepartment = limits.nodeTree(new NodeTreeQuery(NodeScope.DEPARTMENT, department));

        assertThat(byLine).hasSize(3).allSatisfy(n -> assertThat(n.usedMinor()).isEqualTo(7));
        assertThat(byLine).filteredOn(n -> n.level().equals("LIMIT_TYPE")).singleElement()
                .satisfies(n -> assertThat(n.usageParentIds()).containsExactly(root(guarantee)));
        assertThat(byDownstream).isEqualTo(byLine);
        assertThat(byDepartment).isEqualTo(byLine);
        assertThat(byGroup).extracting(LimitNodeView::lineId).contains(guarantee.lineId(), line.lineId());
    }

    private void assertEveryNodeOnThePath(java.util.function.Consumer<LimitNodeView> check) {
        limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId())).forEach(check);
        check.accept(node(guarantee.lineId(), root(guarantee)));
    }
}
