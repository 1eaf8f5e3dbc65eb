package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.credit.CorrectionRequest;
import io.creditsuite.api.credit.CorrectionResult;
import io.creditsuite.api.credit.CreditReplayService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FieldDifference;
import io.creditsuite.api.credit.FlowImportRequest;
import io.creditsuite.api.credit.FlowImportResult;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.NodeDifference;
import io.creditsuite.api.credit.ReplayReport;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.infrastructure.ops.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guarantee: every change is a flow record; replaying all flows from zero reproduces every node's balances exactly.
 * A stored balance altered behind the writer's back is named by the replay, fixed by the audited correction, and a
 * second replay finds nothing. Historical flows imported from CSV keep the guarantee; a bad file imports nothing.
 */
class CreditReplayIT extends CreditLimitITSupport {
    private static final String HEADER = "request_id,occurred_at,flow_type,node_id,currency,cash_minor,credit_minor,"
            + "fixed_minor,temporary_minor,temporary_expires_at,retired_minor,frozen_minor,in_transit_minor,in_use_minor";
    private static final String HOLD_HEADER = HEADER + ",hold_id,hold_expires_at";

    @Autowired
    CreditReplayService replay;
    @Autowired
    ReplayCommand command;

    String upstream;
    String downstream;
    GrantLineResult guarantee;
    GrantLineResult line;
    long leaf;

    @BeforeEach
    void aLineUnderAGuarantee() {
        upstream = customer(CustomerSource.ENTERPRISE, null, null);
        downstream = customer(CustomerSource.DEALER, null, null);
        guarantee = guarantee(upstream, 1_000_000);
        line = vendorLine(upstream, downstream, root(guarantee), 10_000, true);
        leaf = product(line);
    }

    @AfterEach
    void theFlowLogStillRebuildsEveryNode() {
        assertReplayReproducesEveryNode();
        assertThat(replay.replay().differences()).isEmpty();
    }

    @Test
    void a_mix_of_operations_replays_to_zero_differences_and_a_tampered_balance_is_named_corrected_and_audited()
            throws Exception {
        LimitOperationResult hold = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 50, 3_000, CNY, null));
        limits.use(new UseRequest(id("r"), hold.holdId(), 2_000, CNY));
        limits.disburse(new DisburseRequest(id("r"), hold.holdId(), 1_500, CNY));
        limits.repay(new ReturnRequest(id("r"), hold.holdId(), 1_000, CNY));
        limits.unfreeze(new UnfreezeRequest(id("r"), hold.holdId()));
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 700, CNY));
        maintenance.adjustLimit(new AdjustLimitRequest(id("r"), "maker-1", "growth", root(line), 12_000, 0, null));

        ReplayReport clean = replay.replay();
        assertThat(clean.differences()).isEmpty();
        assertThat(clean.flowCount()).isEqualTo(count("credit_flow"));
        assertThat(clean.entryCount()).isEqualTo(count("credit_flow_entry"));
        assertThat(clean.nodeCount()).isEqualTo(count("limit_node"));
        assertThat(print("replay", Map.of())).startsWith("REPLAY ").contains("differences=0");

        LimitNodeView before = node(line.lineId(), leaf);
        jdbc.update("UPDATE limit_node SET in_use_minor = in_use_minor + 777 WHERE node_id = ?", leaf);

        ReplayReport drifted = replay.replay();
        assertThat(drifted.differences()).containsExactly(new NodeDifference(leaf, line.lineId(),
                List.of(new FieldDifference("inUseMinor", before.inUseMinor() + 777, before.inUseMinor()))));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(command.run("replay", Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(ReplayCommand.DIFFERENCES);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("differences=1")
                .contains("node " + leaf + " line " + line.lineId() + ": inUseMinor stored=" + (before.inUseMinor() + 777)
                        + " replayed=" + before.inUseMinor() + " diff=-777;");

        CorrectionRequest correction = new CorrectionRequest(id("r"), "ops-1", "replay found drift on the product node",
                List.of(leaf, root(line)));
        CorrectionResult corrected = replay.correct(correction);
        assertThat(corrected.corrected()).as("only the drifted node changes").isEqualTo(drifted.differences());
        assertThat(node(line.lineId(), leaf)).isEqualTo(before);
        assertThat(replay.replay().differences()).isEmpty();
        assertThat(jdbc.queryForMap("SELECT actor, reason, before_in_use_minor, after_in_use_minor FROM"
                + " credit_balance_correction WHERE request_id = ?", correction.requestId()))
                .containsEntry("actor", "ops-1").containsEntry("reason", "replay found drift on the product node")
                .containsEntry("before_in_use_minor", before.inUseMinor() + 777)
                .containsEntry("after_in_use_minor", before.inUseMinor());

        // the line audit log shows it too, with the maintenance changes: who, when, before, after, why
        List<AuditEntryView> audit = maintenance.auditLog(line.lineId()).stream()
                .filter(e -> e.action().equals("CORRECT_BALANCES")).toList();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("correct:" + correction.requestId() + ":" + leaf);
            assertThat(e.actor()).isEqualTo("ops-1");
            assertThat(e.reason()).isEqualTo("replay found drift on the product node");
            assertThat(e.before()).startsWith("node " + leaf + ": ").contains(" inUse=" + (before.inUseMinor() + 777));
            assertThat(e.after()).startsWith("node " + leaf + ": ").endsWith(" inUse=" + before.inUseMinor());
            assertThat(e.occurredAtEpochMillis()).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        });
        assertThat(maintenance.auditLog(line.lineId())).as("the grant is there too").extracting(AuditEntryView::action)
                .contains("GRANT");

        assertThat(replay.correct(correction)).as("a retry returns the first result").isEqualTo(corrected);
        assertThat(count("credit_balance_correction WHERE request_id = '" + correction.requestId() + "'")).isEqualTo(1);
        assertThat(count("credit_audit WHERE request_id LIKE 'correct:" + correction.requestId() + ":%'")).isEqualTo(1);
        assertThat(codeOf(() -> replay.correct(new CorrectionRequest(correction.requestId(), "ops-1", "other",
                List.of(leaf))))).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
    }

    @Test
    void the_correct_command_with_all_fixes_every_differing_node() {
        jdbc.update("UPDATE limit_node SET fixed_minor = fixed_minor - 5 WHERE node_id = ?", root(line));
        jdbc.update("UPDATE limit_node SET frozen_minor = frozen_minor + 9 WHERE node_id = ?", root(guarantee));

        String printed = print("correct", Map.of("request-id", id("r"), "actor", "ops-2", "reason", "day-end check",
                "nodes", "all"));

        assertThat(printed).startsWith("CORRECTED ").contains("nodes=2").contains("fixedMinor").contains("frozenMinor");
        assertThat(replay.replay().differences()).isEmpty();
        assertThat(print("correct", Map.of("request-id", id("r"), "actor", "ops-2", "reason", "again", "nodes", "all")))
                .startsWith("CORRECTED ").contains("nodes=0");
        assertThat(print("correct", Map.of("request-id", id("r"), "actor", "ops-2", "reason", "x", "nodes", "7,x")))
                .startsWith("REFUSED INVALID_ARGUMENT");
    }

    @Test
    void a_bad_correction_is_refused_and_writes_nothing() {
        jdbc.update("UPDATE limit_node SET frozen_minor = frozen_minor + 1 WHERE node_id = ?", leaf);
        try {
            long corrections = count("credit_balance_correction");
            long audits = count("credit_audit");
            assertThat(codeOf(() -> replay.correct(new CorrectionRequest(id("r"), "ops", "x", List.of(leaf, 999_999_999L)))))
                    .isEqualTo(ErrorCode.LIMIT_NODE_UNKNOWN);
            assertThat(codeOf(() -> replay.correct(new CorrectionRequest(id("r"), "ops", "x", List.of()))))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(codeOf(() -> replay.correct(new CorrectionRequest(id("r"), "ops", " ", List.of(leaf)))))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(count("credit_balance_correction")).isEqualTo(corrections);
            assertThat(count("credit_audit")).isEqualTo(audits);
            assertThat(replay.replay().differences()).extracting(NodeDifference::nodeId).containsExactly(leaf);
        } finally {
            replay.correct(new CorrectionRequest(id("r"), "ops", "test cleanup", List.of(leaf)));
        }
    }

    @Test
    void historical_flows_from_csv_join_the_log_and_replay_still_reproduces_every_node() throws Exception {
        List<Long> path = path();
        List<String> rows = new ArrayList<>(List.of(HOLD_HEADER));
        String grant = id("h");
        String use = id("h");
        String disburse = id("h");
        String repay = id("h");
        for (long node : path) {
            rows.add(grant + ",2024-01-02T00:00:00Z,GRANT," + node + ",CNY,0,0,5000,0,,0,0,0,0,,");
        }
        for (long node : path) { // a direct use: it opens the hold named by its own request id
            rows.add(use + ",2024-02-01T09:30:00.123456Z,USE," + node + ",CNY,100,2000,0,0,,0,0,2000,0," + use + ",");
        }
        for (long node : path) {
            rows.add(disburse + ",2024-02-02T00:00:00Z,DISBURSE," + node + ",CNY,0,2000,0,0,,0,0,-2000,2000," + use + ",");
        }
        for (long node : path) {
            rows.add(repay + ",2024-03-01T00:00:00Z,RETURN," + node + ",CNY,0,500,0,0,,0,0,0,-500," + use + ",");
        }
        LimitNodeView leafBefore = node(line.lineId(), leaf);
        FlowImportRequest request = new FlowImportRequest(id("imp"), "migration-1", "legacy system cut-over",
                String.join("\n", rows) + "\n");

        FlowImportResult imported = replay.importFlows(request);

        assertThat(imported.flowCount()).isEqualTo(4);
        assertThat(imported.entryCount()).isEqualTo(16);
        assertThat(imported.nodeCount()).isEqualTo(4);
        LimitNodeView leafAfter = node(line.lineId(), leaf);
        assertThat(leafAfter.fixedMinor()).isEqualTo(leafBefore.fixedMinor() + 5_000);
        assertThat(leafAfter.inUseMinor()).isEqualTo(leafBefore.inUseMinor() + 1_500);
        assertThat(jdbc.queryForObject("SELECT occurred_at FROM credit_flow WHERE request_id = ?", java.sql.Timestamp.class,
                use).toInstant()).isEqualTo(java.time.Instant.parse("2024-02-01T09:30:00.123456Z"));
        assertThat(jdbc.queryForList("SELECT hold_id FROM credit_flow WHERE request_id IN (?, ?, ?) ORDER BY flow_seq",
                String.class, use, disburse, repay)).containsExactly(use, use, use);
        assertThat(replay.replay().differences()).isEmpty();

        // every touched node's change is in its line's audit log, with the maintenance changes
        List<AuditEntryView> audit = maintenance.auditLog(line.lineId()).stream()
                .filter(e -> e.action().equals("IMPORT_FLOWS")).toList();
        assertThat(audit).extracting(AuditEntryView::requestId).containsExactlyInAnyOrder(
                "import:" + request.requestId() + ":" + leaf, "import:" + request.requestId() + ":" + businessType(line),
                "import:" + request.requestId() + ":" + root(line));
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("migration-1");
            assertThat(e.reason()).isEqualTo("legacy system cut-over");
        });
        assertThat(audit).filteredOn(e -> e.requestId().endsWith(":" + leaf)).singleElement().satisfies(e -> {
            assertThat(e.before()).startsWith("node " + leaf + ": fixed=" + leafBefore.fixedMinor() + " ");
            assertThat(e.after()).startsWith("node " + leaf + ": fixed=" + (leafBefore.fixedMinor() + 5_000) + " ")
                    .endsWith(" inUse=" + (leafBefore.inUseMinor() + 1_500));
        });
        assertThat(maintenance.auditLog(guarantee.lineId())).extracting(AuditEntryView::requestId)
                .contains("import:" + request.requestId() + ":" + root(guarantee));

        List<?> written = writes();
        long audits = count("credit_audit");
        assertThat(replay.importFlows(request)).as("a retry returns the first result").isEqualTo(imported);
        assertThat(writes()).isEqualTo(written);
        assertThat(count("credit_audit")).isEqualTo(audits);
        // the imported drawing is a real hold: its in-use is repaid live, on every node of its path
        assertThat(jdbc.queryForMap("SELECT line_id, leaf_node_id, frozen_minor, in_transit_minor, in_use_minor"
                + " FROM credit_hold WHERE hold_id = ?", use)).containsEntry("line_id", line.lineId())
                .containsEntry("leaf_node_id", leaf).containsEntry("frozen_minor", 0L)
                .containsEntry("in_transit_minor", 0L).containsEntry("in_use_minor", 1_500L);
        limits.repay(new ReturnRequest(id("r"), use, 1_500, CNY));
        assertThat(node(line.lineId(), leaf).inUseMinor()).isEqualTo(leafBefore.inUseMinor());
        assertThat(codeOf(() -> limits.repay(new ReturnRequest(id("r"), use, 1, CNY)))).isEqualTo(ErrorCode.RETURN_EXCEEDS_USED);
        // and the node works on: a live use on top of the imported history
        limits.useDirect(new DirectUseRequest(id("r"), line.lineId(), leaf, 0, 100, CNY));

        // the first format (no hold columns) still imports: here a limit change
        Path file = Files.createTempFile("flows", ".csv");
        Files.writeString(file, HEADER + "\n" + id("h") + ",2024-04-01T00:00:00Z,ADJUST," + leaf
                + ",CNY,0,0,10,0,,0,0,0,0\n");
        assertThat(print("import", Map.of("request-id", id("imp"), "actor", "migration-1", "reason", "second file",
                "file", file.toString()))).startsWith("IMPORTED ").contains("flows=1");
    }

    @Test
    void an_imported_hold_still_open_is_a_real_hold_that_is_used_released_and_expires_live() {
        List<Long> path = path();
        String grant = id("h");
        String open = id("h");
        String partUse = id("h");
        String expiring = id("h");
        String closedFreeze = id("h");
        String closedRelease = id("h");
        List<String> rows = new ArrayList<>(List.of(HOLD_HEADER));
        for (long node : path) {
            rows.add(grant + ",2024-01-02T00:00:00Z,GRANT," + node + ",CNY,0,0,5000,0,,0,0,0,0,,");
        }
        for (long node : path) { // a hold still open after the file: 3,000 frozen, 1,000 of it used
            rows.add(open + ",2024-02-01T00:00:00Z,FREEZE," + node + ",CNY,0,3000,0,0,,0,3000,0,0," + open + ",");
        }
        for (long node : path) {
            rows.add(partUse + ",2024-02-03T00:00:00Z,USE," + node + ",CNY,0,1000,0,0,,0,-1000,1000,0," + open + ",");
        }
        for (long node : path) { // a hold whose expiry passed before the cut-over: the sweeper releases it
            rows.add(expiring + ",2024-03-01T00:00:00Z,FREEZE," + node + ",CNY,0,400,0,0,,0,400,0,0," + expiring
                    + ",2024-04-01T00:00:00Z");
        }
        for (long node : path) { // a closed drawing of the first format (no hold): frozen and released again
            rows.add(closedFreeze + ",2024-03-02T00:00:00Z,FREEZE," + node + ",CNY,0,50,0,0,,0,50,0,0,,");
        }
        for (long node : path) {
            rows.add(closedRelease + ",2024-03-03T00:00:00Z,UNFREEZE," + node + ",CNY,0,50,0,0,,0,-50,0,0,,");
        }
        LimitNodeView before = node(line.lineId(), leaf);
        Map<Long, Long> frozenAtStart = new java.util.HashMap<>();
        path.forEach(node -> frozenAtStart.put(node, frozenOf(node)));

        replay.importFlows(new FlowImportRequest(id("imp"), "migration-1", "open holds of the legacy system",
                String.join("\n", rows)));

        assertThat(jdbc.queryForList("SELECT hold_id FROM credit_hold WHERE hold_id IN (?, ?, ?, ?)", String.class,
                open, expiring, closedFreeze, closedRelease)).containsExactlyInAnyOrder(open, expiring);
        assertThat(jdbc.queryForMap("SELECT frozen_minor, in_transit_minor, in_use_minor, expires_at FROM credit_hold"
                + " WHERE hold_id = ?", open)).containsEntry("frozen_minor", 2_000L).containsEntry("in_transit_minor", 1_000L)
                .containsEntry("in_use_minor", 0L).containsEntry("expires_at", null);
        LimitNodeView imported = node(line.lineId(), leaf);
        assertThat(imported.frozenMinor()).isEqualTo(before.frozenMinor() + 2_400);
        assertThat(imported.inTransitMinor()).isEqualTo(before.inTransitMinor() + 1_000);
        assertThat(replay.replay().differences()).isEmpty();

        // the expired one releases itself (an EXPIRE flow, as for a live hold)
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT frozen_minor FROM credit_hold WHERE hold_id = ?", Long.class, expiring) == 0);
        assertThat(jdbc.queryForObject("SELECT flow_type FROM credit_flow WHERE request_id = ?", String.class,
                "expire:" + expiring)).isEqualTo("EXPIRE");
        // the open one is used, disbursed and released live, on every node of its path
        assertThat(codeOf(() -> limits.use(new UseRequest(id("r"), open, 2_001, CNY)))).isEqualTo(ErrorCode.USE_EXCEEDS_HOLD);
        limits.use(new UseRequest(id("r"), open, 500, CNY));
        limits.disburse(new DisburseRequest(id("r"), open, 1_500, CNY));
        limits.unfreeze(new UnfreezeRequest(id("r"), open));
        for (long node : path) {
            assertThat(frozenOf(node)).as("node %d frozen", node).isEqualTo(frozenAtStart.get(node));
        }
        LimitNodeView after = node(line.lineId(), leaf);
        assertThat(after.frozenMinor()).isEqualTo(before.frozenMinor());
        assertThat(after.inTransitMinor()).isEqualTo(before.inTransitMinor());
        assertThat(after.inUseMinor()).isEqualTo(before.inUseMinor() + 1_500);
        assertThat(jdbc.queryForMap("SELECT frozen_minor, in_transit_minor, in_use_minor FROM credit_hold WHERE hold_id = ?",
                open)).containsEntry("frozen_minor", 0L).containsEntry("in_transit_minor", 0L)
                .containsEntry("in_use_minor", 1_500L);
        assertThat(replay.replay().differences()).isEmpty();
    }

    @Test
    void a_file_whose_drawings_no_hold_could_release_or_whose_holds_break_a_rule_imports_nothing() {
        List<Long> path = path();
        String grant = id("h");
        StringBuilder csv = new StringBuilder(HOLD_HEADER);
        for (long node : path) {
            csv.append('\n').append(grant).append(",2024-01-02T00:00:00Z,GRANT,").append(node).append(",CNY,0,0,5000,0,,0,0,0,0,,");
        }
        String granted = csv.toString(); // lines 2..5
        String freeze = id("h");
        List<?> before = writes();
        long imports = count("credit_flow_import");

        // a FREEZE without a hold left open: its frozen amount could never be used, released or expire
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", "", ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 6: the flows without a hold_id leave node");
        // so is the first format's open FREEZE
        assertRefused(HEADER + "\n" + id("h") + ",2024-01-02T00:00:00Z,GRANT," + leaf + ",CNY,0,0,5000,0,,0,0,0,0\n"
                + id("h") + ",2024-02-01T00:00:00Z,FREEZE," + leaf + ",CNY,0,100,0,0,,0,100,0,0",
                ErrorCode.IMPORT_FLOW_REJECTED, "line 3: the flows without a hold_id leave node " + leaf);
        // a hold's flow must move its leaf's whole path
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path.subList(0, 2), "0,100,0,0", freeze, ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 6: hold " + freeze + ": the flow's nodes");
        // a release of a hold the file never opened
        String ghost = id("h");
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", freeze, "")
                        + rows(id("h"), "2024-02-02T00:00:00Z", "UNFREEZE", path, "0,-100,0,0", ghost, ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 10: hold " + ghost + " is not opened");
        // a use beyond what the hold has frozen (the nodes have enough frozen: another hold's)
        String other = id("h");
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", freeze, "")
                        + rows(other, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", other, "")
                        + rows(id("h"), "2024-02-02T00:00:00Z", "USE", path, "0,-150,150,0", freeze, ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 14: hold " + freeze + " would go negative");
        // a use after the hold expired
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", freeze,
                        "2024-02-02T00:00:00Z") + rows(id("h"), "2024-02-03T00:00:00Z", "USE", path, "0,-50,50,0", freeze, ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 10: hold " + freeze + " expired");
        // a USE of a hold that moves what a FREEZE moves
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", freeze, "")
                        + rows(id("h"), "2024-02-02T00:00:00Z", "USE", path, "0,50,0,0", freeze, ""),
                ErrorCode.IMPORT_FLOW_REJECTED, "line 10: hold " + freeze + ": a USE moves");
        // hold columns where they do not belong
        assertRefused(granted.replace(",0,0,0,0,,", ",0,0,0,0," + freeze + ","), ErrorCode.CSV_ROW_INVALID,
                "line 2: a GRANT works on no hold");
        assertRefused(granted + rows(freeze, "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", id("other"), ""),
                ErrorCode.CSV_ROW_INVALID, "line 6: a FREEZE opens the hold named by its own request id");
        // a hold id taken by a live hold
        LimitOperationResult live = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 1, CNY, null));
        limits.unfreeze(new UnfreezeRequest(id("r"), live.holdId()));
        List<?> afterLive = writes();
        assertRefused(granted + rows(live.holdId(), "2024-02-01T00:00:00Z", "FREEZE", path, "0,100,0,0", live.holdId(), ""),
                ErrorCode.IMPORT_FLOW_EXISTS, "line 6: request id " + live.holdId());

        assertThat(writes()).isEqualTo(afterLive);
        assertThat(afterLive).isNotEqualTo(before);
        assertThat(count("credit_flow_import")).isEqualTo(imports);
    }

    /** One hold-format row per node: {@code deltas} = retired, frozen, in transit, in use. */
    private static String rows(String requestId, String at, String type, List<Long> nodes, String deltas, String holdId,
                               String holdExpiresAt) {
        StringBuilder text = new StringBuilder();
        for (long node : nodes) {
            text.append('\n').append(requestId).append(',').append(at).append(',').append(type).append(',').append(node)
                    .append(",CNY,0,100,0,0,,").append(deltas).append(',').append(holdId).append(',').append(holdExpiresAt);
        }
        return text.toString();
    }

    /** The selector path of the line's product node: product, business type, limit type, the upstream's guarantee. */
    private List<Long> path() {
        return List.of(leaf, businessType(line), root(line), root(guarantee));
    }

    private long frozenOf(long nodeId) {
        return jdbc.queryForObject("SELECT frozen_minor FROM limit_node WHERE node_id = ?", Long.class, nodeId);
    }

    @Test
    void a_bad_csv_gets_its_error_code_naming_the_line_and_imports_nothing() {
        String good = id("h") + ",2024-01-02T00:00:00Z,GRANT," + leaf + ",CNY,0,0,5000,0,,0,0,0,0";
        List<?> before = writes();
        long imports = count("credit_flow_import");
        long audits = count("credit_audit");
        String existing = jdbc.queryForObject("SELECT request_id FROM credit_flow ORDER BY flow_seq LIMIT 1", String.class);

        assertRefused(HEADER + "\n" + good + "\n" + id("h") + ",2024-01-03T00:00:00Z,USE," + leaf + ",CNY,0,1x,0,0,,0,0,1,0",
                ErrorCode.CSV_ROW_INVALID, "line 3: credit_minor");
        assertRefused(HEADER + "\n" + good + "\n" + id("h") + ",2024-01-03T00:00:00Z,USE," + leaf + ",CNY,0,1",
                ErrorCode.CSV_ROW_INVALID, "line 3: expected 14 fields");
        // at 2024-01-01 the node has no limit yet: the historical use breaks used + frozen <= limit
        assertRefused(HEADER + "\n" + id("h") + ",2024-01-01T00:00:00Z,USE," + leaf + ",CNY,0,1,0,0,,0,0,1,0\n" + good,
                ErrorCode.IMPORT_FLOW_REJECTED, "line 2: node " + leaf);
        assertRefused(HEADER + "\n" + good + "\n" + id("h") + ",2024-01-03T00:00:00Z,RETURN," + leaf + ",CNY,0,1,0,0,,0,0,0,-1",
                ErrorCode.IMPORT_FLOW_REJECTED, "line 3: node " + leaf + " would go negative");
        assertRefused(HEADER + "\n" + good + "\n" + existing + ",2024-01-03T00:00:00Z,GRANT," + leaf + ",CNY,0,0,1,0,,0,0,0,0",
                ErrorCode.IMPORT_FLOW_EXISTS, "line 3: request id " + existing);
        assertRefused(HEADER + "\n" + id("h") + ",2024-01-03T00:00:00Z,GRANT,999999999,CNY,0,0,1,0,,0,0,0,0",
                ErrorCode.LIMIT_NODE_UNKNOWN, "line 2: no limit node 999999999");
        assertRefused(HEADER + "\n" + good.replace("CNY", "USD"), ErrorCode.CREDIT_CURRENCY_MISMATCH, "line 2: node " + leaf);
        assertRefused(HEADER + "\n" + id("h") + ",2999-01-03T00:00:00Z,GRANT," + leaf + ",CNY,0,0,1,0,,0,0,0,0",
                ErrorCode.CSV_ROW_INVALID, "line 2: occurred_at 2999-01-03T00:00:00Z is in the future");

        assertThat(writes()).isEqualTo(before);
        assertThat(count("credit_flow_import")).isEqualTo(imports);
        assertThat(count("credit_audit")).isEqualTo(audits);
        assertThat(print("import", Map.of("request-id", id("imp"), "actor", "m", "reason", "x", "file", "/no/such.csv")))
                .startsWith("REFUSED cannot read");
    }

    @Test
    void an_import_onto_a_drifted_node_is_refused_until_it_is_corrected() {
        jdbc.update("UPDATE limit_node SET frozen_minor = frozen_minor + 3 WHERE node_id = ?", leaf);
        String csv = HEADER + "\n" + id("h") + ",2024-01-02T00:00:00Z,GRANT," + leaf + ",CNY,0,0,5000,0,,0,0,0,0\n";

        assertRefused(csv, ErrorCode.NODE_OUT_OF_SYNC, "node " + leaf);

        replay.correct(new CorrectionRequest(id("r"), "ops", "drift before import", List.of(leaf)));
        assertThat(replay.importFlows(new FlowImportRequest(id("imp"), "m", "after the correction", csv)).flowCount())
                .isEqualTo(1);
    }

    private void assertRefused(String csv, ErrorCode code, String detailStart) {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.creditsuite.api.error.ApiException.class,
                () -> replay.importFlows(new FlowImportRequest(id("imp"), "m", "x", csv)));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.detail()).startsWith(detailStart);
    }

    private String print(String name, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(name, options, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
