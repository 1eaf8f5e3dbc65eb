package io.creditsuite.credit.application.fakes;

import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.credit.domain.PathNode;
import io.creditsuite.credit.domain.StoredFlow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Customers, lines, the limit DAG, holds and the flow log in maps: what the tables hold. The writes are
 * {@link InMemoryMaintenanceStore}'s (shape of the DAG) and {@link InMemoryLimitChanges}' (balances, holds, flows).
 */
public final class InMemoryLimitDirectory implements LimitDirectory {
    final Map<String, CreditCustomer> customers = new HashMap<>();
    final Map<String, CreditLine> lines = new HashMap<>();
    final TreeMap<Long, LimitNode> nodes = new TreeMap<>();
    final Map<String, Hold> holds = new LinkedHashMap<>();
    final Map<String, StoredFlow> flows = new LinkedHashMap<>();
    final Map<String, List<NodeDelta>> entries = new HashMap<>();

    public void putCustomer(CreditCustomer customer) {
        customers.put(customer.customerId(), customer);
    }

    /** Replaces the line as stored (e.g. a status changed by maintenance). */
    public void putLine(CreditLine line) {
        lines.put(line.lineId(), line);
    }

    public Balances balances(long nodeId) {
        return nodes.get(nodeId).balances();
    }

    public int flowCount() {
        return flows.size();
    }

    @Override
    public Optional<CreditCustomer> customer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<CreditLine> line(String lineId) {
        return Optional.ofNullable(lines.get(lineId));
    }

    @Override
    public Optional<LimitNode> node(long nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    @Override
    public Optional<String> lineOfNode(long nodeId) {
        return node(nodeId).map(LimitNode::lineId);
    }

    @Override
    public void lineChanged(String lineId) {
        // nothing cached here
    }

    /** The leaf first, then every node reachable over usage edges (breadth first), each once. */
    @Override
    public LimitPath pathFrom(long leafNodeId) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(List.of(leafNodeId));
        while (!next.isEmpty()) {
            long id = next.poll();
            if (seen.add(id)) {
                next.addAll(nodes.get(id).usageParents());
            }
        }
        List<PathNode> path = seen.stream().map(id -> new PathNode(id, nodes.get(id).revolving())).toList();
        long hotRoot = seen.stream().filter(id -> nodes.get(id).usageParents().isEmpty()).min(Long::compare).orElseThrow();
        return new LimitPath(path, hotRoot);
    }

    @Override
    public Optional<Hold> hold(String holdId) {
        return Optional.ofNullable(holds.get(holdId));
    }

    @Override
    public Optional<StoredFlow> flow(String requestId) {
        return Optional.ofNullable(flows.get(requestId));
    }

    @Override
    public List<NodeDelta> entriesOf(String requestId) {
        return entries.getOrDefault(requestId, List.of());
    }

    @Override
    public List<LimitNode> nodesOfLines(Collection<String> lineIds) {
        return nodes.values().stream().filter(n -> lineIds.contains(n.lineId())).toList();
    }

    @Override
    public List<String> lineIdsOfCustomers(Collection<String> customerIds) {
        return lines.values().stream().filter(l -> customerIds.contains(l.holderId()) || customerIds.contains(l.grantorId()))
                .map(CreditLine::lineId).sorted().toList();
    }

    @Override
    public List<String> customersInGroup(String groupId) {
        return customers.values().stream().filter(c -> groupId.equals(c.groupId())).map(CreditCustomer::customerId).toList();
    }

    @Override
    public List<String> customersInDepartment(String department) {
        return customers.values().stream().filter(c -> department.equals(c.department()))
                .map(CreditCustomer::customerId).toList();
    }

    @Override
    public long grantedUnder(long parentNodeId, Instant at) {
        return nodes.values().stream().filter(n -> n.grantParents().contains(parentNodeId))
                .mapToLong(n -> Math.addExact(n.balances().fixedMinor(),
                        n.balances().temporaryCountsAt(at) ? n.balances().temporaryMinor() : 0))
                .reduce(0, Math::addExact);
    }

    @Override
    public Optional<Long> grantParentOf(long childNodeId) {
        return nodes.get(childNodeId).grantParents().stream().findFirst();
    }

    @Override
    public List<Hold> expiredHolds(Instant now, int max) {
        return holds.values().stream().filter(h -> h.expiredAt(now) && h.frozenMinor() > 0)
                .sorted(Comparator.comparing(Hold::expiresAt)).limit(max).toList();
    }

    /** The node with one more parent of {@code kind}: USAGE parents put it on paths, GRANT parents control its grant. */
    void addParent(long childNodeId, long parentNodeId, boolean usage) {
        LimitNode n = nodes.get(childNodeId);
        List<Long> usageParents = new ArrayList<>(n.usageParents());
        List<Long> grantParents = new ArrayList<>(n.grantParents());
        (usage ? usageParents : grantParents).add(parentNodeId);
        nodes.put(childNodeId, new LimitNode(n.nodeId(), n.lineId(), n.level(), n.businessType(), n.productCode(),
                n.revolving(), n.currency(), usageParents, grantParents, n.balances()));
    }

    void setBalances(long nodeId, Balances balances) {
        LimitNode n = nodes.get(nodeId);
        nodes.put(nodeId, new LimitNode(n.nodeId(), n.lineId(), n.level(), n.businessType(), n.productCode(),
                n.revolving(), n.currency(), n.usageParents(), n.grantParents(), balances));
    }
}
