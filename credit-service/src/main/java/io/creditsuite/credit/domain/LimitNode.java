package io.creditsuite.credit.domain;

import java.util.List;

/**
 * A node of the limit DAG: a line's limit-type node, its business-type nodes and their product nodes.
 * A node is shared when other lines' nodes hang under it (e.g. an upstream's guarantee node shared by its
 * downstreams' vendor credit-sale lines), dedicated otherwise.
 *
 * <p>Guarantees: see {@link Balances}; a node's balances change only by flows ({@link FlowRule}).
 */
public record LimitNode(long nodeId, String lineId, NodeLevel level, String businessType, String productCode,
                        boolean revolving, String currency, List<Long> usageParents, List<Long> grantParents,
                        Balances balances) {
}
