package io.creditsuite.credit.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The port that writes customers, lines, the DAG's shape, line states, the audit log and approvals. */
public interface MaintenanceStore {
    /** False when the customer id exists already. */
    boolean insertCustomer(CreditCustomer customer, String requestId);

    /** False when the line id exists already. */
    boolean insertLine(CreditLine line, String grantRequestId);

    /** A new node with zero balances; its balances come from the grant's flow. */
    long insertNode(String lineId, NodeLevel level, String businessType, String productCode, boolean revolving,
                    String currency);

    void insertEdge(long childNodeId, long parentNodeId, EdgeKind kind);

    /**
     * Locks the node's row exclusively until the transaction ends and returns its balances as last committed.
     * A grant under a parent takes it first, so that grants under one parent check the room left one at a time.
     */
    Optional<Balances> lockNode(long nodeId);

    /** Compare-and-set of the line's status; false when it was not {@code expected}. */
    boolean updateLineStatus(String lineId, LineStatus expected, LineStatus status, String clearRequestId);

    void updateRate(String lineId, BigDecimal rate);

    /** Locks the line's row exclusively until the transaction ends and returns it as last committed. */
    Optional<CreditLine> lockLine(String lineId);

    void updateTermEnd(String lineId, java.time.Instant termEnd);

    /** False when the request id is in the audit log already. */
    boolean insertAudit(AuditEntry entry);

    Optional<AuditEntry> audit(String requestId);

    List<AuditEntry> auditOf(String lineId);

    boolean insertPending(PendingAdjustment pending);

    Optional<PendingAdjustment> pending(String approvalId);

    /** Compare-and-set PENDING -> {@code status}; false when already decided. */
    boolean decide(String approvalId, String status, String checker, String decisionRequestId);
}
