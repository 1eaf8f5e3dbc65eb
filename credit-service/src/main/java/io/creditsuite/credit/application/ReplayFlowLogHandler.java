package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ReplayReport;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.BalanceDifference;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.FlowLog;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.RunningReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流水回放: rebuilds every node from the flow log in time order (through the live writer's own rule) and lists the
 * nodes whose stored balances differ. Reads one REPEATABLE READ snapshot, so flows committing meanwhile are either
 * wholly in both the log and the balances it compares, or in neither. Writes nothing.
 */
public class ReplayFlowLogHandler {
    private final FlowLog log;

    public ReplayFlowLogHandler(FlowLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReplayReport handle() {
        Map<Long, FlowLog.StoredNode> stored = log.storedNodes();
        long flows = log.flowCount();
        RunningReplay replay = new RunningReplay();
        try {
            log.streamAll(replay::accept);
        } catch (LimitRejection broken) {
            throw new ApiException(ErrorCode.REPLAY_LOG_INVALID, broken.getMessage());
        }
        TreeSet<Long> nodeIds = new TreeSet<>(stored.keySet());
        nodeIds.addAll(replay.balances().keySet());
        List<BalanceDifference> differences = new ArrayList<>();
        for (long nodeId : nodeIds) {
            FlowLog.StoredNode node = stored.get(nodeId);
            // an entry on a node that is not stored at all is a difference too (stored as nothing = zero)
            BalanceDifference difference = BalanceDifference.of(nodeId, node == null ? null : node.lineId(),
                    node == null ? Balances.ZERO : node.balances(), replay.of(nodeId));
            if (difference != null) {
                differences.add(difference);
            }
        }
        return new ReplayReport(flows, replay.entries(), stored.size(),
                differences.stream().map(ReplayDifferences::view).toList());
    }
}
