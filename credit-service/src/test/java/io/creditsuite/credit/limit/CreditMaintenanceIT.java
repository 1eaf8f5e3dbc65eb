package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.ApprovalDecisionRequest;
import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.credit.ChangeRateRequest;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.RenewTermRequest;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grants and audited maintenance, with maker-checker above the configured amount (10,000,000 minor by default). */
class CreditMaintenanceIT extends CreditLimitITSupport {
    private static final long ABOVE_THRESHOLD = 10_000_001;

    String upstream;
    String downstream;
    GrantLineResult guarantee;
    GrantLineResult line;

    @BeforeEach
    void aLine() {
        upstream = customer(CustomerSource.ENTERPRISE, null, null);
        downstream = customer(CustomerSource.DEALER, null, null);
        guarantee = guarantee(upstream, 1_000_000);
        line = vendorLine(upstream, downstream, root(guarantee), 1_000, true);
    }

    @AfterEach
    void theFlowLogStillRebuildsEveryNode() {
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_grant_creates_the_nodes_their_limits_by_one_flow_and_an_audit_entry_and_a_retry_changes_nothing() {
        GrantLineRequest request = grantRequest(id("line"), LimitType.VENDOR_CREDIT_SALE, 500, root(guarantee));
        GrantLineResult granted = maintenance.grantLine(request);
        List<?> after = writes();

        assertThat(maintenance.grantLine(request)).isEqualTo(granted);
        assertThat(writes()).isEqualTo(after);
        assertThat(granted.nodes()).singleElement().satisfies(n -> {
            assertThat(n.fixedMinor()).isEqualTo(500);
            assertThat(n.usageParentIds()).containsExactly(root(guarantee));
        });
        assertThat(jdbc.queryForObject("SELECT flow_type FROM credit_flow WHERE request_id = ?", String.class,
                request.requestId())).isEqualTo("GRANT");
        AuditEntryView audit = maintenance.auditLog(granted.lineId()).get(0);
        assertThat(audit.action()).isEqualTo("GRANT");
        assertThat(audit.actor()).isEqualTo("maker-1");
        assertThat(audit.after()).contains("fixed=500");
        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(granted.lineId(), LimitType.VENDOR_CREDIT_SALE, 500,
                root(guarantee))))).isEqualTo(ErrorCode.CREDIT_LINE_EXISTS);
    }

    @Test
    void a_bad_grant_gets_its_error_code_and_writes_nothing() {
        List<?> before = writes();
        long lines = count("credit_line");

        assertThat(codeOf(() -> maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "x", id("line"),
                "no-such-customer", downstream, LimitType.GUARANTEE, CNY, "s", 0, 1, true, "0.01", 1, 0, null, null,
                List.of())))).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(id("line"), LimitType.VENDOR_CREDIT_SALE, 1, null))))
                .as("a vendor credit-sale line hangs under a guarantee").isEqualTo(ErrorCode.PARENT_NODE_INVALID);
        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(id("line"), LimitType.VENDOR_CREDIT_SALE, 1,
                root(line))))).as("...not under another vendor line").isEqualTo(ErrorCode.PARENT_NODE_INVALID);
        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(id("line"), LimitType.VENDOR_CREDIT_SALE, 1,
                987_654_321L)))).isEqualTo(ErrorCode.LIMIT_NODE_UNKNOWN);
        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(id("line"), LimitType.VENDOR_CREDIT_SALE, -1,
                root(guarantee))))).isEqualTo(ErrorCode.AMOUNT_INVALID);
        assertThat(codeOf(() -> maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "x", id("line"), upstream,
                downstream, LimitType.GUARANTEE, CNY, "s", 0, 1, true, "1.5", 1, 0, null, null, List.of()))))
                .as("a rate of 150 %").isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(writes()).isEqualTo(before);
        assertThat(count("credit_line")).isEqualTo(lines);
    }

    @Test
    void a_grant_controlled_line_must_fit_in_what_its_general_limit_has_not_granted() {
        GrantLineResult general = grant(customer(CustomerSource.PLATFORM, null, null), upstream,
                LimitType.DOWNSTREAM_SELF_USE, 1_000, null, true, List.of());
        maintenance.grantLine(grantRequest(id("line"), LimitType.DOWNSTREAM_SELF_USE, 600, root(general)));
        List<?> before = writes();

        assertThat(codeOf(() -> maintenance.grantLine(grantRequest(id("line"), LimitType.DOWNSTREAM_SELF_USE, 401,
                root(general))))).isEqualTo(ErrorCode.GRANT_EXCEEDS_PARENT);
        assertThat(writes()).isEqualTo(before);

        GrantLineResult sub = maintenance.grantLine(grantRequest(id("line"), LimitType.DOWNSTREAM_SELF_USE, 400,
                root(general)));
        assertThat(sub.nodes().get(0).grantParentIds()).containsExactly(root(general));
        // control of the grant, not of the use: using the sub-line leaves the general limit untouched
        limits.useDirect(new DirectUseRequest(id("r"), sub.lineId(), root(sub), 0, 400, CNY));
        assertThat(node(general.lineId(), root(general)).usedMinor()).isZero();
    }

    @Test
    void an_adjustment_keeps_grant_control_neither_raising_a_child_nor_lowering_its_parent_past_what_was_granted() {
        GrantLineResult general = grant(customer(CustomerSource.PLATFORM, null, null), upstream,
                LimitType.DOWNSTREAM_SELF_USE, 1_000, null, true, List.of());
        GrantLineResult sub = maintenance.grantLine(grantRequest(id("line"), LimitType.DOWNSTREAM_SELF_USE, 600,
                root(general)));
        List<?> before = writes();

        assertThat(codeOf(() -> maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "more", root(sub),
                1_001, 0, null)))).as("a child raised past its parent").isEqualTo(ErrorCode.GRANT_EXCEEDS_PARENT);
        assertThat(codeOf(() -> maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "cut", root(general),
                599, 0, null)))).as("a parent lowered below what it granted").isEqualTo(ErrorCode.GRANT_EXCEEDS_PARENT);
        assertThat(writes()).isEqualTo(before);

        assertThat(maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "more", root(sub), 1_000, 0, null))
                .outcome()).isEqualTo(MaintenanceOutcome.APPLIED);
        assertThat(maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "cut", root(sub), 100, 0, null))
                .outcome()).isEqualTo(MaintenanceOutcome.APPLIED);
        assertThat(maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "cut", root(general), 100, 0, null))
                .outcome()).isEqualTo(MaintenanceOutcome.APPLIED);
    }

    @Test
    void a_small_adjustment_applies_at_once_and_is_audited_with_before_and_after() {
        MaintenanceResult result = maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "more business",
                root(line), 2_000, 300, System.currentTimeMillis() + 60_000));

        assertThat(result.outcome()).isEqualTo(MaintenanceOutcome.APPLIED);
        LimitNodeView node = node(line.lineId(), root(line));
        assertThat(node.limitMinor()).isEqualTo(2_300);
        AuditEntryView audit = last(line.lineId());
        assertThat(audit.action()).isEqualTo("ADJUST");
        assertThat(audit.before()).contains("fixed=1000");
        assertThat(audit.after()).contains("fixed=2000", "temporary=300");
        assertThat(audit.reason()).isEqualTo("more business");
    }

    @Test
    void a_temporary_limit_stops_counting_when_it_expires() {
        maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "season", root(line), 1_000, 500,
                System.currentTimeMillis() + 1_500));
        assertThat(node(line.lineId(), root(line)).limitMinor()).isEqualTo(1_500);

        await().atMost(Duration.ofSeconds(10)).until(() -> node(line.lineId(), root(line)).limitMinor() == 1_000);
        assertThat(limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), root(line), 0, 1_001, CNY)).outcome())
                .isEqualTo(io.creditsuite.api.credit.LimitOutcome.LIMIT_INSUFFICIENT);
    }

    @Test
    void a_limit_cannot_be_adjusted_below_what_is_used_and_frozen() {
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 700, CNY));
        List<?> before = writes();

        assertThat(codeOf(() -> maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "cut", product(line),
                699, 0, null)))).isEqualTo(ErrorCode.LIMIT_BELOW_EXPOSURE);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void a_large_adjustment_waits_for_a_second_person_who_is_not_its_maker() {
        long auditsBefore = maintenance.auditLog(line.lineId()).size();
        MaintenanceResult pending = maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "big customer",
                root(line), ABOVE_THRESHOLD + 1_000, 0, null));

        assertThat(pending.outcome()).isEqualTo(MaintenanceOutcome.PENDING_APPROVAL);
        assertThat(node(line.lineId(), root(line)).fixedMinor()).as("not applied yet").isEqualTo(1_000);
        assertThat(codeOf(() -> maintenance.decideApproval(new ApprovalDecisionRequest(id("r"), pending.approvalId(),
                "maker-1", true, "self-approval")))).isEqualTo(ErrorCode.MAKER_CANNOT_CHECK);
        assertThat(codeOf(() -> maintenance.decideApproval(new ApprovalDecisionRequest(id("r"), "no-such-approval",
                "checker-1", true, "ok")))).isEqualTo(ErrorCode.APPROVAL_UNKNOWN);
        assertThat(maintenance.auditLog(line.lineId())).hasSize((int) auditsBefore);

        ApprovalDecisionRequest approve = new ApprovalDecisionRequest(id("r"), pending.approvalId(), "checker-1", true,
                "checked the file");
        assertThat(maintenance.decideApproval(approve).outcome()).isEqualTo(MaintenanceOutcome.APPLIED);
        assertThat(maintenance.decideApproval(approve).outcome()).as("a retry").isEqualTo(MaintenanceOutcome.APPLIED);

        assertThat(node(line.lineId(), root(line)).fixedMinor()).isEqualTo(ABOVE_THRESHOLD + 1_000);
        AuditEntryView audit = last(line.lineId());
        assertThat(audit.actor()).isEqualTo("maker-1");
        assertThat(audit.checker()).isEqualTo("checker-1");
        assertThat(codeOf(() -> maintenance.decideApproval(new ApprovalDecisionRequest(id("r"), pending.approvalId(),
                "checker-2", false, "too late")))).isEqualTo(ErrorCode.APPROVAL_DECIDED);
    }

    @Test
    void a_rejected_adjustment_changes_no_limit_but_is_audited() {
        MaintenanceResult pending = maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "big",
                root(line), ABOVE_THRESHOLD + 1_000, 0, null));

        assertThat(maintenance.decideApproval(new ApprovalDecisionRequest(id("r"), pending.approvalId(), "checker-1",
                false, "no collateral")).outcome()).isEqualTo(MaintenanceOutcome.REJECTED);

        assertThat(node(line.lineId(), root(line)).fixedMinor()).isEqualTo(1_000);
        assertThat(last(line.lineId()).action()).isEqualTo("REJECT_ADJUST");
    }

    @Test
    void freezing_clearing_and_restoring_a_line_are_audited_and_restore_gives_back_exactly_what_clear_took() {
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 300, CNY));
        List<LimitNodeView> before = limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()));

        action(LineAction.FREEZE);
        assertThat(codeOf(() -> action(LineAction.FREEZE))).isEqualTo(ErrorCode.LINE_STATE_CONFLICT);
        action(LineAction.UNFREEZE);
        action(LineAction.CLEAR);
        assertThat(limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId())))
                .allSatisfy(n -> assertThat(n.availableMinor()).isZero());
        action(LineAction.RESTORE);

        assertThat(limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()))).isEqualTo(before);
        assertThat(maintenance.auditLog(line.lineId())).extracting(AuditEntryView::action)
                .endsWith("FREEZE", "UNFREEZE", "CLEAR", "RESTORE");
        assertThat(last(line.lineId()).before()).contains("status=CLEARED");
        assertThat(last(line.lineId()).after()).contains("status=ACTIVE");
    }

    @Test
    void a_rate_change_is_audited_and_a_bad_rate_is_refused() {
        maintenance.changeRate(new ChangeRateRequest(id("r"), "maker-1", "repricing", line.lineId(), "0.05"));

        assertThat(last(line.lineId()).before()).contains("rate=0.043500");
        assertThat(last(line.lineId()).after()).contains("rate=0.050000");
        assertThat(codeOf(() -> maintenance.changeRate(new ChangeRateRequest(id("r"), "maker-1", "x", line.lineId(),
                "0.0500001")))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> maintenance.changeRate(new ChangeRateRequest(id("r"), "maker-1", "x", "no-such-line",
                "0.05")))).isEqualTo(ErrorCode.CREDIT_LINE_UNKNOWN);
    }

    @Test
    void a_renewed_line_takes_operations_again_and_the_renewal_is_audited_and_idempotent() {
        long leaf = product(line);
        LimitOperationResult drawn = limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 300, CNY));
        limits.disburse(new DisburseRequest(id("r"), drawn.holdId(), 300, CNY));
        long now = System.currentTimeMillis();
        java.sql.Timestamp expiredAt = new java.sql.Timestamp(now - 10_000);
        jdbc.update("UPDATE credit_line SET term_end = ? WHERE line_id = ?", expiredAt, line.lineId());
        // the line cache holds a line at most 2 s (the writer reads it fresh under its lock anyway)
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> codeOf(() -> limits.repay(new ReturnRequest(
                id("r"), drawn.holdId(), 100, CNY))) == ErrorCode.LINE_EXPIRED);
        List<?> before = writes();
        long audits = count("credit_audit");

        long month = Duration.ofDays(30).toMillis();
        assertThat(codeOf(() -> maintenance.renewTerm(renewal(line.lineId(), expiredAt.getTime() - 1))))
                .as("not after the current end").isEqualTo(ErrorCode.TERM_END_INVALID);
        assertThat(codeOf(() -> maintenance.renewTerm(renewal(line.lineId(), now - 5_000))))
                .as("after the current end, but still over").isEqualTo(ErrorCode.TERM_END_INVALID);
        assertThat(codeOf(() -> maintenance.renewTerm(renewal(line.lineId(), now + Duration.ofDays(365L * 60).toMillis()))))
                .as("beyond the longest term").isEqualTo(ErrorCode.TERM_END_INVALID);
        assertThat(codeOf(() -> maintenance.renewTerm(renewal("no-such-line", now + month))))
                .isEqualTo(ErrorCode.CREDIT_LINE_UNKNOWN);
        assertThat(codeOf(() -> maintenance.renewTerm(new RenewTermRequest(id("r"), "maker-1", " ", line.lineId(),
                now + month)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(codeOf(() -> maintenance.renewTerm(null))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(writes()).isEqualTo(before);
        assertThat(count("credit_audit")).isEqualTo(audits);
        assertThat(jdbc.queryForObject("SELECT term_end FROM credit_line WHERE line_id = ?", java.sql.Timestamp.class,
                line.lineId())).isEqualTo(expiredAt);

        RenewTermRequest renew = renewal(line.lineId(), now + month);
        assertThat(maintenance.renewTerm(renew).outcome()).isEqualTo(MaintenanceOutcome.APPLIED);

        AuditEntryView audit = last(line.lineId());
        assertThat(audit.requestId()).isEqualTo(renew.requestId());
        assertThat(audit.action()).isEqualTo("RENEW_TERM");
        assertThat(audit.actor()).isEqualTo("maker-1");
        assertThat(audit.reason()).isEqualTo("annual review");
        assertThat(audit.before()).contains(".." + expiredAt.toInstant());
        assertThat(audit.after()).contains(".." + java.time.Instant.ofEpochMilli(now + month)).contains("status=ACTIVE");
        assertThat(maintenance.renewTerm(renew)).as("a retry").isEqualTo(new MaintenanceResult(renew.requestId(),
                MaintenanceOutcome.APPLIED, null));
        assertThat(count("credit_audit")).isEqualTo(audits + 1);
        assertThat(codeOf(() -> maintenance.renewTerm(new RenewTermRequest(renew.requestId(), "maker-1", "annual review",
                line.lineId(), now + 2 * month)))).isEqualTo(ErrorCode.REQUEST_ID_REUSED);

        // the renewed line takes operations again: the repayment of what was in use, a new hold
        limits.repay(new ReturnRequest(id("r"), drawn.holdId(), 300, CNY));
        assertThat(limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 50, CNY, null)).outcome())
                .isEqualTo(LimitOutcome.ACCEPTED);
        assertThat(node(line.lineId(), leaf).inUseMinor()).isZero();
        assertThat(node(line.lineId(), leaf).frozenMinor()).isEqualTo(50);
    }

    private RenewTermRequest renewal(String lineId, long termEndEpochMillis) {
        return new RenewTermRequest(id("r"), "maker-1", "annual review", lineId, termEndEpochMillis);
    }

    private MaintenanceResult action(LineAction action) {
        return maintenance.changeLineState(new LineActionRequest(id("r"), "ops-1", "risk review", line.lineId(), action));
    }

    private AuditEntryView last(String lineId) {
        List<AuditEntryView> log = maintenance.auditLog(lineId);
        return log.get(log.size() - 1);
    }

    private GrantLineRequest grantRequest(String lineId, LimitType type, long fixed, Long parent) {
        long now = System.currentTimeMillis();
        return new GrantLineRequest(id("r"), "maker-1", "approved", lineId, upstream, downstream, type, CNY, "subject-1",
                now - 60_000, now + 86_400_000L, true, "0.0435", fixed, 0, null, parent, List.of());
    }
}
