package io.creditsuite.support.probe;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.BranchPhase;
import io.creditsuite.api.probe.TccBranchView;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code tcc_probe_branch} of one participant: the business record of its TCC probe branch, next
 * to Seata's {@code tcc_fence_log}. Plain JDBC: a probe has one table and needs no mapping layer.
 *
 * <p>Transactions are part of the contract. {@link #recordArrival} and {@link #markRefused} commit
 * on their own ({@code REQUIRES_NEW}), because they must survive the try's rollback.
 * {@link #markTried}, {@link #confirm} and {@link #cancel} must run inside the transaction Seata's
 * fence opened for the try, confirm or cancel ({@code MANDATORY}), so the phase and the fence row
 * commit or roll back together.
 */
public final class TccProbeBranchStore {
    private static final Logger log = LoggerFactory.getLogger(TccProbeBranchStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate fenceTransaction;
    private final String service;
    private final String actionName;
    private final Clock clock;

    public TccProbeBranchStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, String service,
                               String actionName, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.fenceTransaction = new TransactionTemplate(transactionManager);
        this.fenceTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.service = Objects.requireNonNull(service, "service");
        this.actionName = Objects.requireNonNull(actionName, "actionName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The try of global transaction {@code xid} has reached this service: phase NONE. Repeating it
     * for the same xid is harmless; the probe id already taken by another global transaction is
     * {@code REQUEST_ID_REUSED}, and nothing is written.
     */
    public void recordArrival(String probeId, String xid) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("INSERT INTO tcc_probe_branch (probe_id, xid, action_name, phase, arrived_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        probeId, xid, actionName, BranchPhase.NONE.name(), Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException e) {
                List<String> taken = jdbc.queryForList(
                        "SELECT xid FROM tcc_probe_branch WHERE probe_id = ?", String.class, probeId);
                if (!taken.equals(List.of(xid))) {
                    throw new ApiException(ErrorCode.REQUEST_ID_REUSED,
                            "probe " + probeId + " already ran in global transaction " + taken);
                }
            }
        });
    }

    /** The try's effect, in the try's fence transaction: NONE -> TRIED. */
    public void markTried(String probeId, String xid) {
        fenceTransaction.executeWithoutResult(status -> advance(probeId, xid, "try", TccProbePhases::afterTry));
    }

    /** The confirm's effect, in its fence transaction: TRIED -> CONFIRMED; repeating it is a no-op. */
    public void confirm(String probeId, String xid) {
        fenceTransaction.executeWithoutResult(status -> advance(probeId, xid, "confirm", TccProbePhases::afterConfirm));
    }

    /**
     * The cancel's effect, in its fence transaction: TRIED -> CANCELLED; repeating it, or cancelling
     * a branch whose try never took effect here, is a no-op.
     */
    public void cancel(String probeId, String xid) {
        fenceTransaction.executeWithoutResult(status -> {
            if (phaseForUpdate(probeId, xid) == null) {
                log.info("cancel of probe {} in {} finds no record here: nothing to undo", probeId, xid);
                return;
            }
            advance(probeId, xid, "cancel", TccProbePhases::afterCancel);
        });
    }

    /** The fence refused a late try (its branch had already been cancelled): NONE -> TRY_REFUSED. */
    public void markRefused(String probeId, String xid) {
        ownTransaction.executeWithoutResult(status -> advance(probeId, xid, "refusal", TccProbePhases::afterRefusal));
    }

    /**
     * This service's view of the branch: its phase and the status of its fence row, found by xid
     * and action name (one branch per action per global transaction).
     */
    public TccBranchView view(String probeId) {
        List<TccBranchView> rows = jdbc.query(
                "SELECT xid, phase, phase_changed_at FROM tcc_probe_branch WHERE probe_id = ?",
                (rs, n) -> {
                    String xid = rs.getString("xid");
                    Timestamp changedAt = rs.getTimestamp("phase_changed_at");
                    return new TccBranchView(service, probeId, xid, BranchPhase.valueOf(rs.getString("phase")),
                            fenceStatus(xid), changedAt == null ? 0L : changedAt.getTime());
                },
                probeId);
        return rows.isEmpty() ? new TccBranchView(service, probeId, null, BranchPhase.NONE, 0, 0L) : rows.get(0);
    }

    private int fenceStatus(String xid) {
        List<Integer> status = jdbc.queryForList(
                "SELECT status FROM tcc_fence_log WHERE xid = ? AND action_name = ?", Integer.class, xid, actionName);
        return status.isEmpty() ? 0 : status.get(0);
    }

    /** Locks the record, applies the rule, writes the new phase when it changed. */
    private void advance(String probeId, String xid, String step, UnaryOperator<BranchPhase> rule) {
        BranchPhase current = phaseForUpdate(probeId, xid);
        if (current == null) {
            throw new IllegalStateException(
                    "no record of probe " + probeId + " in global transaction " + xid + " for its " + step);
        }
        BranchPhase next = rule.apply(current);
        if (next == current) {
            log.info("{} of probe {} in {} repeated: phase stays {}", step, probeId, xid, current);
            return;
        }
        jdbc.update("UPDATE tcc_probe_branch SET phase = ?, phase_changed_at = ? WHERE probe_id = ? AND xid = ?",
                next.name(), Timestamp.from(clock.instant()), probeId, xid);
        log.info("{} of probe {} in {}: {} -> {}", step, probeId, xid, current, next);
    }

    private BranchPhase phaseForUpdate(String probeId, String xid) {
        List<String> phase = jdbc.queryForList(
                "SELECT phase FROM tcc_probe_branch WHERE probe_id = ? AND xid = ? FOR UPDATE",
                String.class, probeId, xid);
        return phase.isEmpty() ? null : BranchPhase.valueOf(phase.get(0));
    }
}
