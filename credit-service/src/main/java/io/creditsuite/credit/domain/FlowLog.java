package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port for replay, correction and import: the flow log in time order ({@code occurred_at, flow_seq}: the
 * writer takes the time under the nodes' locks, so for every node this is the order its flows were applied) and
 * the stored balances.
 */
public interface FlowLog {
    /** A node as stored: its line and currency, and its balances. */
    record StoredNode(long nodeId, String lineId, String currency, Balances balances) {
    }

    /** A flow to append, with its entries and the hold it works on (null: none); its time may be in the past (an import). */
    record NewFlow(String requestId, String bodyHash, FlowType type, Instant occurredAt, FlowHeader header,
                   List<NodeDelta> entries, String holdId) {
    }

    /** A hold rebuilt from imported flows, as its last flow left it; opened at its first flow's time. */
    record ImportedHold(Hold hold, Instant openedAt) {
    }

    /** A correction of one node, for the audit trail. */
    record Correction(String requestId, long nodeId, String lineId, String actor, String reason, Instant occurredAt,
                      Balances before, Balances after, String bodyHash) {
    }

    /** One import of historical flows, for its retry and the audit trail. */
    record ImportRecord(String requestId, String bodyHash, String actor, String reason, Instant importedAt,
                        int flowCount, int entryCount, int nodeCount) {
    }

    interface EntrySink {
        void accept(Instant at, NodeDelta delta);
    }

    /** Every entry in time order; call inside one snapshot together with {@link #storedNodes()}. */
    void streamAll(EntrySink sink);

    long flowCount();

    Map<Long, StoredNode> storedNodes();

    /** Locks the nodes (ascending id, the one lock order) and returns them; unknown ids are left out. */
    Map<Long, StoredNode> lockNodes(Collection<Long> nodeIds);

    /** The entries of these nodes in time order (call with the nodes locked: then no flow of theirs is in flight). */
    void streamNodes(Collection<Long> nodeIds, EntrySink sink);

    void setBalances(long nodeId, Balances balances);

    /** False when (request, node) was recorded already. */
    boolean insertCorrection(Correction correction);

    List<Correction> corrections(String requestId);

    Set<String> existingRequestIds(Collection<String> requestIds);

    /** Appends in the given order (which must be time order among themselves). */
    void append(List<NewFlow> flows);

    /** The ids of these that are holds already. */
    Set<String> existingHoldIds(Collection<String> holdIds);

    void insertHolds(List<ImportedHold> holds);

    Optional<ImportRecord> importRecord(String requestId);

    /** False when the request id was imported already. */
    boolean insertImport(ImportRecord record);
}
