package io.creditsuite.credit.domain;

import java.util.List;

/**
 * The nodes one use deducts, chosen by the selector (选择器模型): the selected leaf and every node reachable
 * from it over {@link EdgeKind#USAGE} edges (its business type, its limit type, and any shared node such
 * as an upstream's guarantee). All of them change in one flow, or none does.
 *
 * @param nodes    the leaf first, each node once
 * @param hotRoot  the smallest id among the path's roots (nodes without a usage parent): changes that share
 *                 a root are serialised by one writer and committed in groups
 */
public record LimitPath(List<PathNode> nodes, long hotRoot) {
    public LimitPath {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a path has at least its leaf");
        }
    }

    public long leafNodeId() {
        return nodes.get(0).nodeId();
    }
}
