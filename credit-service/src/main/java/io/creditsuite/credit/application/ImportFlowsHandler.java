package io.creditsuite.credit.application;

import io.creditsuite.api.credit.FlowImportRequest;
import io.creditsuite.api.credit.FlowImportResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.BalanceDifference;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.FlowHeader;
import io.creditsuite.credit.domain.FlowLog;
import io.creditsuite.credit.domain.HistoricalHolds;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.RunningReplay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.transaction.annotation.Transactional;

/**
 * The migration path of the design notes (迁移历史数据并修正): historical flows from CSV join the flow log, and the
 * nodes they touch are rebuilt from the merged log. All or nothing, in one transaction:
 * <ol>
 *   <li>every row parses, names a known node in its currency, and its flow's request id is new;</li>
 *   <li>the touched nodes are locked and must agree with their own flows first (else: correct them first);</li>
 *   <li>the merged log of those nodes (existing flows first at equal times, as {@code flow_seq} will order them)
 *       replays through {@link io.creditsuite.credit.domain.FlowRule} without a refusal;</li>
 *   <li>then the drawings of the file rebuild their holds ({@link HistoricalHolds}): a flow naming a hold moves exactly the
 *       path of the hold's leaf, by the live writer's amounts, and never takes the hold below zero; flows without a
 *       hold leave no exposure behind (nothing could ever release it);</li>
 *   <li>the flows and entries are appended, each touched node's balances set to its replay, and every imported hold
 *       becomes a {@code credit_hold} row as its last flow left it, which the live use, unfreeze, disbursement,
 *       repayment and expiry then work on; each touched node's change (balances before and after) is a row of its
 *       line's audit log ({@value #AUDIT_ACTION}, request id {@code import:<request id>:<node id>}).</li>
 * </ol>
 * So after an import, replaying the whole log still reproduces every node exactly, and
 * {@code node exposure = sum of its holds' amounts} holds for the imported part as for the live one.
 */
public class ImportFlowsHandler {
    public static final String AUDIT_ACTION = "IMPORT_FLOWS";

    private final FlowLog log;
    private final LimitDirectory directory;
    private final MaintenanceStore audit;
    private final Clock clock;

    public ImportFlowsHandler(FlowLog log, LimitDirectory directory, MaintenanceStore audit, Clock clock) {
        this.log = log;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    private record Flow(String requestId, int firstLine, Instant occurredAt, FlowCsv.Row head, List<FlowCsv.Row> rows) {
        List<NodeDelta> deltas() {
            return rows.stream().map(FlowCsv.Row::delta).toList();
        }
    }

    private record Timed(Instant at, int rank, int lineNumber, NodeDelta delta) {
    }

    @Transactional
    public FlowImportResult handle(FlowImportRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an import request is required");
        }
        String requestId = Requests.requireId(request.requestId(), "requestId");
        String actor = Requests.requireId(request.actor(), "actor");
        String reason = Requests.requireText(request.reason(), "reason", 500);
        String hash = Requests.bodyHash(request);
        Optional<FlowLog.ImportRecord> earlier = log.importRecord(requestId);
        if (earlier.isPresent()) {
            if (!earlier.get().bodyHash().equals(hash)) {
                throw new ApiException(ErrorCode.REQUEST_ID_REUSED, "import " + requestId + " was done with another file");
            }
            return result(earlier.get());
        }
        Instant now = clock.instant();
        List<Flow> flows = group(FlowCsv.parse(request.csv()), now);
        Set<String> existing = log.existingRequestIds(flows.stream().map(Flow::requestId).toList());
        for (Flow flow : flows) {
            if (existing.contains(flow.requestId())) {
                throw new ApiException(ErrorCode.IMPORT_FLOW_EXISTS,
                        "line " + flow.firstLine() + ": request id " + flow.requestId() + " is in the flow log already");
            }
        }
        TreeSet<Long> nodeIds = new TreeSet<>();
        flows.forEach(f -> f.rows().forEach(r -> nodeIds.add(r.delta().nodeId())));
        Map<Long, FlowLog.StoredNode> nodes = log.lockNodes(nodeIds);
        for (Flow flow : flows) {
            for (FlowCsv.Row row : flow.rows()) {
                FlowLog.StoredNode node = nodes.get(row.delta().nodeId());
                if (node == null) {
                    throw new ApiException(ErrorCode.LIMIT_NODE_UNKNOWN,
                            "line " + row.lineNumber() + ": no limit node " + row.delta().nodeId());
                }
                if (!node.currency().equals(row.currency())) {
                    throw new ApiException(ErrorCode.CREDIT_CURRENCY_MISMATCH, "line " + row.lineNumber() + ": node "
                            + node.nodeId() + " is in " + node.currency() + ", the row in " + row.currency());
                }
            }
        }
        List<Timed> merged = new ArrayList<>();
        log.streamNodes(nodeIds, (at, delta) -> merged.add(new Timed(at, 0, 0, delta)));
        RunningReplay before = new RunningReplay();
        merged.forEach(t -> before.accept(t.at(), t.delta()));
        for (long nodeId : nodeIds) {
            FlowLog.StoredNode node = nodes.get(nodeId);
            BalanceDifference drift = BalanceDifference.of(nodeId, node.lineId(), node.balances(), before.of(nodeId));
            if (drift != null) {
                throw new ApiException(ErrorCode.NODE_OUT_OF_SYNC, drift.describe() + " replay and correct it first");
            }
        }
        for (Flow flow : flows) {
            flow.rows().forEach(r -> merged.add(new Timed(flow.occurredAt(), 1, r.lineNumber(), r.delta())));
        }
        // stable: existing entries keep their log order, imported ones follow at equal times in file order
        merged.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::rank));
        RunningReplay after = new RunningReplay();
        for (Timed t : merged) {
            try {
                after.accept(t.at(), t.delta());
            } catch (LimitRejection refused) {
                throw new ApiException(ErrorCode.IMPORT_FLOW_REJECTED, (t.rank() == 1 ? "line " + t.lineNumber()
                        : "an existing flow at " + t.at() + ", after the imported ones before it") + ": "
                        + refused.getMessage());
            }
        }
        HistoricalHolds holds = holds(flows, nodes);
        List<FlowLog.NewFlow> appended = new ArrayList<>();
        Map<String, CreditLine> lines = new LinkedHashMap<>();
        Map<String, String> holdLines = new HashMap<>();
        holds.holds().forEach(h -> holdLines.put(h.hold().holdId(), h.hold().lineId()));
        for (Flow flow : flows) {
            // a hold's flows are on the hold's line (its leaf's), as live; others on their first row's node's line
            String lineId = flow.head().holdId() != null ? holdLines.get(flow.head().holdId())
                    : nodes.get(flow.head().delta().nodeId()).lineId();
            CreditLine line = lines.computeIfAbsent(lineId, id -> directory.line(id).orElseThrow());
            appended.add(new FlowLog.NewFlow(flow.requestId(), hash, flow.head().type(), flow.occurredAt(),
                    new FlowHeader(lineId, line.grantorId(), line.holderId(), flow.head().currency(),
                            flow.head().cashMinor(), flow.head().creditMinor(), "import:" + requestId),
                    flow.deltas(), flow.head().holdId()));
        }
        log.append(appended);
        log.insertHolds(holds.holds());
        for (long nodeId : nodeIds) {
            log.setBalances(nodeId, after.of(nodeId));
            NodeAudit.record(audit, "import", AUDIT_ACTION, requestId, nodeId, nodes.get(nodeId).lineId(), actor, now,
                    nodes.get(nodeId).balances(), after.of(nodeId), reason, hash);
        }
        int entries = flows.stream().mapToInt(f -> f.rows().size()).sum();
        FlowLog.ImportRecord record = new FlowLog.ImportRecord(requestId, hash, actor, reason, now, flows.size(), entries,
                nodeIds.size());
        if (!log.insertImport(record)) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "import " + requestId + " is being applied");
        }
        return result(record);
    }

    /** The file's holds rebuilt flow by flow, in time order; refusals name the flow's first CSV line. */
    private HistoricalHolds holds(List<Flow> flows, Map<Long, FlowLog.StoredNode> nodes) {
        HistoricalHolds holds = new HistoricalHolds();
        List<String> opened = new ArrayList<>();
        for (Flow flow : flows) {
            FlowCsv.Row head = flow.head();
            try {
                if (head.holdId() == null) {
                    holds.holdless(flow.firstLine(), flow.deltas());
                } else if (HistoricalHolds.opens(head.type(), flow.requestId(), head.holdId())) {
                    LimitPath path = pathOf(flow);
                    holds.open(new HistoricalHolds.HoldFlow(flow.requestId(), head.holdId(), head.type(),
                            flow.occurredAt(), flow.deltas()), path, nodes.get(path.leafNodeId()).lineId(), head.currency(),
                            head.holdExpiresAt());
                    opened.add(head.holdId());
                } else {
                    holds.apply(new HistoricalHolds.HoldFlow(flow.requestId(), head.holdId(),
                            head.type(), flow.occurredAt(), flow.deltas()));
                }
            } catch (LimitRejection refused) {
                throw new ApiException(ErrorCode.IMPORT_FLOW_REJECTED, "line " + flow.firstLine() + ": " + refused.getMessage());
            }
        }
        Map.Entry<Integer, String> open = holds.openHoldlessExposure();
        if (open != null) {
            throw new ApiException(ErrorCode.IMPORT_FLOW_REJECTED, "line " + open.getKey() + ": " + open.getValue());
        }
        Set<String> taken = log.existingHoldIds(opened);
        for (Flow flow : flows) {
            if (taken.contains(flow.requestId())) {
                throw new ApiException(ErrorCode.IMPORT_FLOW_EXISTS, "line " + flow.firstLine() + ": hold "
                        + flow.requestId() + " exists already");
            }
        }
        return holds;
    }

    /** The selector path, in today's DAG, of the node of the opening flow whose path is exactly the flow's nodes. */
    private LimitPath pathOf(Flow flow) {
        Set<Long> flowNodes = new TreeSet<>();
        flow.rows().forEach(r -> flowNodes.add(r.delta().nodeId()));
        for (long candidate : flowNodes) {
            LimitPath path = directory.pathFrom(candidate);
            Set<Long> pathNodes = new TreeSet<>();
            path.nodes().forEach(n -> pathNodes.add(n.nodeId()));
            if (pathNodes.equals(flowNodes)) {
                return path;
            }
        }
        throw new ApiException(ErrorCode.IMPORT_FLOW_REJECTED, "line " + flow.firstLine() + ": hold " + flow.requestId()
                + ": the flow's nodes " + flowNodes + " are not the selector path (leaf and every node above it over"
                + " usage edges) of any of them; a hold's flows move exactly its leaf's path");
    }

    /** Rows grouped into flows (in time order, then file order); a flow's rows must agree on its fields. */
    private static List<Flow> group(List<FlowCsv.Row> rows, Instant now) {
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (FlowCsv.Row row : rows) {
            if (row.occurredAt().isAfter(now)) {
                throw FlowCsv.invalid(row.lineNumber(), "occurred_at " + row.occurredAt() + " is in the future");
            }
            Flow flow = flows.computeIfAbsent(row.requestId(),
                    id -> new Flow(id, row.lineNumber(), row.occurredAt(), row, new ArrayList<>()));
            FlowCsv.Row head = flow.head();
            if (!head.occurredAt().equals(row.occurredAt()) || head.type() != row.type()
                    || !head.currency().equals(row.currency()) || head.cashMinor() != row.cashMinor()
                    || head.creditMinor() != row.creditMinor() || !Objects.equals(head.holdId(), row.holdId())
                    || !Objects.equals(head.holdExpiresAt(), row.holdExpiresAt())) {
                throw FlowCsv.invalid(row.lineNumber(), "request id " + row.requestId() + " differs from its first row (line "
                        + head.lineNumber() + ") in occurred_at, flow_type, currency, cash_minor, credit_minor, hold_id or"
                        + " hold_expires_at");
            }
            Set<Long> seen = new HashSet<>();
            flow.rows().forEach(r -> seen.add(r.delta().nodeId()));
            if (seen.contains(row.delta().nodeId())) {
                throw FlowCsv.invalid(row.lineNumber(), "node " + row.delta().nodeId() + " twice in flow " + row.requestId());
            }
            flow.rows().add(row);
        }
        List<Flow> ordered = new ArrayList<>(flows.values());
        ordered.sort(Comparator.comparing(Flow::occurredAt)); // stable: file order at equal times
        return ordered;
    }

    private static FlowImportResult result(FlowLog.ImportRecord record) {
        return new FlowImportResult(record.requestId(), record.flowCount(), record.entryCount(), record.nodeCount());
    }
}
