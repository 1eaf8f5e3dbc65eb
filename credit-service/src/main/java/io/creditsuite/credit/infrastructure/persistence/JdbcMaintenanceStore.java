package io.creditsuite.credit.infrastructure.persistence;

import io.creditsuite.credit.domain.AuditEntry;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.EdgeKind;
import io.creditsuite.credit.domain.LineStatus;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.domain.NodeLevel;
import io.creditsuite.credit.domain.PendingAdjustment;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Maintenance writes; each runs in the calling use case's transaction. */
@Component
public class JdbcMaintenanceStore implements MaintenanceStore {
    private static final RowMapper<AuditEntry> AUDIT = (rs, n) -> new AuditEntry(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10));
    private static final String AUDIT_COLUMNS = "request_id, line_id, action, actor, checker, occurred_at, before_text,"
            + " after_text, reason, body_hash";
    private static final RowMapper<PendingAdjustment> PENDING = (rs, n) -> new PendingAdjustment(rs.getString(1),
            rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5), LimitRows.instant(rs.getTimestamp(6)),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcMaintenanceStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean insertCustomer(CreditCustomer c, String requestId) {
        try {
            jdbc.update("INSERT INTO credit_customer (customer_id, name, source, group_id, department, request_id,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.customerId(), c.name(), c.source().name(),
                    c.groupId(), c.department(), requestId, now());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean insertLine(CreditLine l, String grantRequestId) {
        try {
            jdbc.update("INSERT INTO credit_line (line_id, grantor_id, holder_id, limit_type, currency, subject_id,"
                            + " term_start, term_end, revolving, rate, status, clear_request_id, grant_request_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", l.lineId(), l.grantorId(), l.holderId(),
                    l.limitType().name(), l.currency(), l.subjectId(), Timestamp.from(l.termStart()),
                    Timestamp.from(l.termEnd()), l.revolving(), l.rate(), l.status().name(), l.clearRequestId(),
                    grantRequestId, now());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public long insertNode(String lineId, NodeLevel level, String businessType, String productCode, boolean revolving,
                           String currency) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO limit_node (line_id, level, business_type,"
                    + " product_code, revolving, currency) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, lineId);
            ps.setString(2, level.name());
            ps.setString(3, businessType);
            ps.setString(4, productCode);
            ps.setBoolean(5, revolving);
            ps.setString(6, currency);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public void insertEdge(long childNodeId, long parentNodeId, EdgeKind kind) {
        jdbc.update("INSERT INTO limit_edge (child_node_id, parent_node_id, kind) VALUES (?, ?, ?)", childNodeId,
                parentNodeId, kind.name());
    }

    @Override
    public Optional<Balances> lockNode(long nodeId) {
        return jdbc.query("SELECT " + LimitRows.BALANCE_COLUMNS + " FROM limit_node WHERE node_id = ? FOR UPDATE",
                (rs, n) -> LimitRows.balances(rs, 1), nodeId).stream().findFirst();
    }

    @Override
    public boolean updateLineStatus(String lineId, LineStatus expected, LineStatus status, String clearRequestId) {
        return jdbc.update("UPDATE credit_line SET status = ?, clear_request_id = ? WHERE line_id = ? AND status = ?",
                status.name(), clearRequestId, lineId, expected.name()) == 1;
    }

    @Override
    public void updateRate(String lineId, BigDecimal rate) {
        jdbc.update("UPDATE credit_line SET rate = ? WHERE line_id = ?", rate, lineId);
    }

    @Override
    public Optional<CreditLine> lockLine(String lineId) {
        return jdbc.query("SELECT " + LimitRows.LINE_COLUMNS + " FROM credit_line WHERE line_id = ? FOR UPDATE",
                (rs, n) -> LimitRows.line(rs), lineId).stream().findFirst();
    }

    @Override
    public void updateTermEnd(String lineId, java.time.Instant termEnd) {
        int updated = jdbc.update("UPDATE credit_line SET term_end = ? WHERE line_id = ?", Timestamp.from(termEnd), lineId);
        if (updated != 1) {
            throw new org.springframework.dao.IncorrectUpdateSemanticsDataAccessException(
                    "renewing line " + lineId + " matched " + updated + " rows");
        }
    }

    @Override
    public boolean insertAudit(AuditEntry e) {
        try {
            jdbc.update("INSERT INTO credit_audit (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.requestId(), e.lineId(), e.action(), e.actor(), e.checker(), Timestamp.from(e.occurredAt()),
                    e.before(), e.after(), e.reason(), e.bodyHash());
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    @Override
    public Optional<AuditEntry> audit(String requestId) {
        return jdbc.query("SELECT " + AUDIT_COLUMNS + " FROM credit_audit WHERE request_id = ?", AUDIT, requestId)
                .stream().findFirst();
    }

    @Override
    public List<AuditEntry> auditOf(String lineId) {
        return jdbc.query("SELECT " + AUDIT_COLUMNS + " FROM credit_audit WHERE line_id = ? ORDER BY occurred_at, request_id",
                AUDIT, lineId);
    }

    @Override
    public boolean insertPending(PendingAdjustment p) {
        try {
            jdbc.update("INSERT INTO credit_approval (approval_id, node_id, line_id, fixed_minor, temporary_minor,"
                            + " temporary_expires_at, maker, reason, body_hash, status, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)", p.approvalId(), p.nodeId(), p.lineId(),
                    p.fixedMinor(), p.temporaryMinor(), LimitRows.timestamp(p.temporaryExpiresAt()), p.maker(),
                    p.reason(), p.bodyHash(), now());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<PendingAdjustment> pending(String approvalId) {
        return jdbc.query("SELECT approval_id, node_id, line_id, fixed_minor, temporary_minor, temporary_expires_at, maker,"
                + " reason, body_hash, status, checker FROM credit_approval WHERE approval_id = ?", PENDING, approvalId)
                .stream().findFirst();
    }

    @Override
    public boolean decide(String approvalId, String status, String checker, String decisionRequestId) {
        return jdbc.update("UPDATE credit_approval SET status = ?, checker = ?, decision_request_id = ?, decided_at = ?"
                + " WHERE approval_id = ? AND status = 'PENDING'", status, checker, decisionRequestId, now(), approvalId) == 1;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
