package io.creditsuite.credit.application;

import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The node tree (as a DAG: each node lists its parents) with balances, for a customer, line, group or department. */
public class NodeTreeQueryHandler {
    private final LimitDirectory directory;
    private final Clock clock;

    public NodeTreeQueryHandler(LimitDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public List<LimitNodeView> handle(NodeTreeQuery query) {
        if (query == null || query.scope() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a query needs a scope and a key");
        }
        String key = Requests.requireId(query.key(), "key");
        List<String> lineIds = switch (query.scope()) {
            case LINE -> {
                directory.line(key).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_LINE_UNKNOWN, "no credit line " + key));
                yield List.of(key);
            }
            case CUSTOMER -> {
                directory.customer(key).orElseThrow(() -> new ApiException(ErrorCode.CREDIT_CUSTOMER_UNKNOWN,
                        "no credit customer " + key));
                yield directory.lineIdsOfCustomers(List.of(key));
            }
            case GROUP -> directory.lineIdsOfCustomers(directory.customersInGroup(key));
            case DEPARTMENT -> directory.lineIdsOfCustomers(directory.customersInDepartment(key));
        };
        Instant now = clock.instant();
        Map<String, CreditLine> lines = new HashMap<>();
        // ArrayLists on the wire: Dubbo's strict serialize check does not let the JDK's immutable lists through
        return directory.nodesOfLines(lineIds).stream()
                .map(node -> view(node, lines.computeIfAbsent(node.lineId(), id -> directory.line(id).orElseThrow()), now))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    static LimitNodeView view(LimitNode node, CreditLine line, Instant now) {
        Balances b = node.balances();
        return new LimitNodeView(node.nodeId(), node.lineId(), line.holderId(), line.limitType().name(),
                node.level().name(), node.businessType(), node.productCode(), new ArrayList<>(node.usageParents()),
                new ArrayList<>(node.grantParents()),
                node.currency(), b.fixedMinor(), b.temporaryMinor(),
                b.temporaryExpiresAt() == null ? null : b.temporaryExpiresAt().toEpochMilli(), b.retiredMinor(),
                b.limitAt(now), b.frozenMinor(), b.inTransitMinor(), b.inUseMinor(), b.usedMinor(), b.availableAt(now));
    }
}
