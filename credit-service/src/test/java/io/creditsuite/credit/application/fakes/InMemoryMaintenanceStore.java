package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.AuditEntry;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.EdgeKind;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LineStatus;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.domain.NodeLevel;
import io.creditsuite.credit.domain.PendingAdjustment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maintenance writes into the {@link InMemoryLimitDirectory}'s maps, with the tables' unique keys (customer id,
 * line id, audit request id). Locks are no-ops: the tests run on one thread. Approvals are not needed here.
 */
public final class InMemoryMaintenanceStore implements MaintenanceStore {
    private final InMemoryLimitDirectory directory;
    private final Map<String, AuditEntry> audit = new LinkedHashMap<>();
    private long nextNodeId = 1;

    public InMemoryMaintenanceStore(InMemoryLimitDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean insertCustomer(CreditCustomer customer, String requestId) {
        return directory.customers.putIfAbsent(customer.customerId(), customer) == null;
    }

    @Override
    public boolean insertLine(CreditLine line, String grantRequestId) {
        return directory.lines.putIfAbsent(line.lineId(), line) == null;
    }

    @Override
    public long insertNode(String lineId, NodeLevel level, String businessType, String productCode, boolean revolving,
                           String currency) {
        long id = nextNodeId++;
        directory.nodes.put(id, new LimitNode(id, lineId, level, businessType, productCode, revolving, currency, List.of(),
                List.of(), Balances.ZERO));
        return id;
    }

    @Override
    public void insertEdge(long childNodeId, long parentNodeId, EdgeKind kind) {
        directory.addParent(childNodeId, parentNodeId, kind == EdgeKind.USAGE);
    }

    @Override
    public Optional<Balances> lockNode(long nodeId) {
        return directory.node(nodeId).map(LimitNode::balances);
    }

    @Override
    public boolean updateLineStatus(String lineId, LineStatus expected, LineStatus status, String clearRequestId) {
        CreditLine line = directory.lines.get(lineId);
        if (line.status() != expected) {
            return false;
        }
        directory.lines.put(lineId, line.withStatus(status, clearRequestId));
        return true;
    }

    @Override
    public void updateRate(String lineId, BigDecimal rate) {
        directory.lines.put(lineId, directory.lines.get(lineId).withRate(rate));
    }

    @Override
    public Optional<CreditLine> lockLine(String lineId) {
        return directory.line(lineId);
    }

    @Override
    public void updateTermEnd(String lineId, Instant termEnd) {
        directory.lines.put(lineId, directory.lines.get(lineId).withTermEnd(termEnd));
    }

    @Override
    public boolean insertAudit(AuditEntry entry) {
        return audit.putIfAbsent(entry.requestId(), entry) == null;
    }

    @Override
    public Optional<AuditEntry> audit(String requestId) {
        return Optional.ofNullable(audit.get(requestId));
    }

    @Override
    public List<AuditEntry> auditOf(String lineId) {
        return audit.values().stream().filter(a -> lineId.equals(a.lineId())).toList();
    }

    @Override
    public boolean insertPending(PendingAdjustment pending) {
        throw new UnsupportedOperationException("maker-checker is not exercised by these tests");
    }

    @Override
    public Optional<PendingAdjustment> pending(String approvalId) {
        throw new UnsupportedOperationException("maker-checker is not exercised by these tests");
    }

    @Override
    public boolean decide(String approvalId, String status, String checker, String decisionRequestId) {
        throw new UnsupportedOperationException("maker-checker is not exercised by these tests");
    }
}
