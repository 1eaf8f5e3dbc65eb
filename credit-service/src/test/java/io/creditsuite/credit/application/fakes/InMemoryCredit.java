package io.creditsuite.credit.application.fakes;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.GrantLineHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.MaintenanceSupport;
import io.creditsuite.credit.application.NodeTreeQueryHandler;
import io.creditsuite.credit.application.ReleaseExpiredHoldsHandler;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CustomerSource;
import io.creditsuite.credit.domain.LineStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * credit-service's limit use cases wired to in-memory fakes, as {@code CreditLimitConfiguration} wires them to
 * the adapters. No Spring, no database, no threads.
 */
public final class InMemoryCredit {
    public static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryLimitDirectory directory = new InMemoryLimitDirectory();
    public final InMemoryMaintenanceStore store = new InMemoryMaintenanceStore(directory);
    public final InMemoryLimitChanges changes = new InMemoryLimitChanges(directory, clock);

    private final LimitOperationRunner limitOperationRunner = new LimitOperationRunner(directory, changes, changes, clock);
    public final FreezeLimitHandler freeze = new FreezeLimitHandler(limitOperationRunner);
    public final HoldOperationHandler holds = new HoldOperationHandler(limitOperationRunner);
    public final ReleaseExpiredHoldsHandler expiry = new ReleaseExpiredHoldsHandler(directory, holds, clock);
    public final NodeTreeQueryHandler tree = new NodeTreeQueryHandler(directory, clock);
    public final GrantLineHandler grants = new GrantLineHandler(new MaintenanceSupport(store, changes, clock), directory,
            tree);

    public InMemoryCredit() {
        for (String id : List.of("bank", "alice", "bob", "carol")) {
            directory.putCustomer(new CreditCustomer(id, id, CustomerSource.values()[0], null, null));
        }
    }

    /**
     * A grant of line {@code lineId} to {@code holderId}: its limit-type node with {@code fixedMinor}, one business
     * type "LOAN" with {@code fixedMinor} and under it one product "P1" with {@code fixedMinor}.
     */
    public static GrantLineRequest grant(String requestId, String lineId, String holderId, LimitType type,
                                         long fixedMinor, Long parentNodeId) {
        return new GrantLineRequest(requestId, "officer-1", "approved by committee", lineId, "bank", holderId, type, "CNY",
                "SUBJ-1", START.minus(Duration.ofDays(1)).toEpochMilli(), START.plus(Duration.ofDays(365)).toEpochMilli(),
                true, "0.050000", fixedMinor, 0, null, parentNodeId,
                List.of(new BusinessTypeGrant("LOAN", fixedMinor, List.of(new ProductGrant("P1", fixedMinor)))));
    }

    /** Grants a line (through the use case) and returns it; its nodes are LIMIT_TYPE, BUSINESS_TYPE, PRODUCT. */
    public GrantLineResult grantLine(String lineId, String holderId, long fixedMinor) {
        return grants.handle(grant("grant-" + lineId, lineId, holderId, LimitType.DOWNSTREAM_SELF_USE, fixedMinor, null));
    }

    public static long node(GrantLineResult line, String level) {
        return line.nodes().stream().filter(n -> n.level().equals(level)).mapToLong(LimitNodeView::nodeId)
                .findFirst().orElseThrow();
    }

    public static long product(GrantLineResult line) {
        return node(line, "PRODUCT");
    }

    public static long root(GrantLineResult line) {
        return node(line, "LIMIT_TYPE");
    }

    public void freezeLine(String lineId) {
        directory.putLine(directory.line(lineId).orElseThrow().withStatus(LineStatus.FROZEN, null));
    }
}
