package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The port that reads customers, lines, the limit DAG, holds and the flow log. */
public interface LimitDirectory {
    Optional<CreditCustomer> customer(String customerId);

    Optional<CreditLine> line(String lineId);

    Optional<LimitNode> node(long nodeId);

    /** The line a node belongs to (nodes never move: callers may rely on a cached answer). */
    Optional<String> lineOfNode(long nodeId);

    /** Maintenance changed the line: the next read must see it. */
    void lineChanged(String lineId);

    /** The selector: the leaf and everything reachable from it over usage edges. */
    LimitPath pathFrom(long leafNodeId);

    Optional<Hold> hold(String holdId);

    Optional<StoredFlow> flow(String requestId);

    /** The entries of an accepted request's flow (e.g. the CLEAR a RESTORE reverses). */
    List<NodeDelta> entriesOf(String requestId);

    List<LimitNode> nodesOfLines(Collection<String> lineIds);

    /** Lines where any of the customers is holder or grantor. */
    List<String> lineIdsOfCustomers(Collection<String> customerIds);

    List<String> customersInGroup(String groupId);

    List<String> customersInDepartment(String department);

    /**
     * {@link GrantControlPolicy}'s {@code granted(p, t)}: what the nodes hanging under {@code parentNodeId} by grant
     * edges carve out of it at {@code at} (fixed plus temporary in force), exact.
     *
     * @throws LimitRejection {@code AMOUNT_OVERFLOW} when the sum exceeds {@code Long.MAX_VALUE}
     */
    long grantedUnder(long parentNodeId, Instant at);

    /** The node {@code childNodeId} hangs under by a grant edge (its grant control), if any. */
    Optional<Long> grantParentOf(long childNodeId);

    /** Holds whose expiry has passed and that still have something frozen, oldest first. */
    List<Hold> expiredHolds(Instant now, int max);
}
