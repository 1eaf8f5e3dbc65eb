package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An operation on limit nodes, planned against the balances and hold as they are when the writer holds
 * their locks. Planning is pure: it either returns the {@link Plan} or throws a {@link LimitRejection}.
 */
public sealed interface LimitOperation {

    /** The hold this operation works on, or null when it opens one or concerns no hold. */
    String existingHoldId();

    Plan plan(Hold hold, Map<Long, Balances> balances, Instant now);

    /** The operation as the caller names it in an error message ("hold", "use", "repayment", ...). */
    String describedAs();

    /**
     * Whether every plan of this operation only raises exposure: {@code frozen}, {@code in-transit} or
     * {@code in-use} up, nothing down, no limit changed. For such operations {@code used + frozen <= limit} at the
     * end of a batch implies it after every posting of the batch, so the batch may be planned on an unlocked read
     * and checked once by the guarded node update (the writer's optimistic batches).
     */
    default boolean onlyRaisesExposure() {
        return false;
    }

    /** 冻结: a new hold of {@code amount}; every path node's frozen rises by it. */
    record Freeze(String holdId, String lineId, String currency, LimitPath path, long amount, Instant expiresAt)
            implements LimitOperation {
        @Override
        public boolean onlyRaisesExposure() {
            return true;
        }

        public String describedAs() {
            return "hold";
        }

        public String existingHoldId() {
            return null;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            Hold opened = new Hold(holdId, lineId, path.leafNodeId(), currency, amount, 0, 0, expiresAt);
            return new Plan(FlowType.FREEZE, amount, each(path, n -> NodeDelta.frozen(n.nodeId(), amount)), null, opened);
        }
    }

    /** A use without an earlier hold: straight to in-transit; the use becomes a hold (its request id) for later disbursement and return. */
    record DirectUse(String holdId, String lineId, String currency, LimitPath path, long amount)
            implements LimitOperation {
        @Override
        public boolean onlyRaisesExposure() {
            return true;
        }

        public String describedAs() {
            return "use";
        }

        public String existingHoldId() {
            return null;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            Hold opened = new Hold(holdId, lineId, path.leafNodeId(), currency, 0, amount, 0, null);
            return new Plan(FlowType.USE, amount, each(path, n -> NodeDelta.inTransit(n.nodeId(), amount)), null, opened);
        }
    }

    /** 使用: confirms part or all of a hold; frozen -> in-transit on every path node. */
    record UseHold(String holdId, LimitPath path, long amount) implements LimitOperation {
        public String describedAs() {
            return "use";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            if (hold.expiredAt(now)) {
                throw new LimitRejection(LimitRejection.Reason.HOLD_EXPIRED, "hold " + holdId + " expired at " + hold.expiresAt());
            }
            if (amount > hold.frozenMinor()) {
                throw new LimitRejection(LimitRejection.Reason.USE_EXCEEDS_HOLD,
                        "use of " + amount + " exceeds the " + hold.frozenMinor() + " frozen in hold " + holdId);
            }
            return new Plan(FlowType.USE, amount, each(path, n -> NodeDelta.frozenToInTransit(n.nodeId(), amount)),
                    hold, hold.plus(-amount, amount, 0));
        }
    }

    /** 解冻 (or, for an expired hold, its self-release): releases everything still frozen in the hold. */
    record Unfreeze(String holdId, LimitPath path, boolean expiry) implements LimitOperation {
        public String describedAs() {
            return expiry ? "expiry release of the hold" : "release of the hold";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            long amount = hold.frozenMinor();
            if (amount == 0) {
                throw new LimitRejection(LimitRejection.Reason.BALANCE_NEGATIVE, "hold " + holdId + " has nothing frozen");
            }
            if (expiry && !hold.expiredAt(now)) {
                throw new LimitRejection(LimitRejection.Reason.HOLD_EXPIRED, "hold " + holdId + " has not expired");
            }
            return new Plan(expiry ? FlowType.EXPIRE : FlowType.UNFREEZE, amount,
                    each(path, n -> NodeDelta.frozen(n.nodeId(), -amount)), hold, hold.plus(-amount, 0, 0));
        }
    }

    /** 放款: in-transit -> in-use. */
    record Disburse(String holdId, LimitPath path, long amount) implements LimitOperation {
        public String describedAs() {
            return "disbursement";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            if (amount > hold.inTransitMinor()) {
                throw new LimitRejection(LimitRejection.Reason.DISBURSE_EXCEEDS_IN_TRANSIT,
                        "disbursement of " + amount + " exceeds the " + hold.inTransitMinor() + " in transit in hold " + holdId);
            }
            return new Plan(FlowType.DISBURSE, amount, each(path, n -> NodeDelta.inTransitToInUse(n.nodeId(), amount)),
                    hold, hold.plus(0, -amount, amount));
        }
    }

    /** 归还: a repayment lowers in-use; on a non-revolving node it also retires as much limit. */
    record Return(String holdId, LimitPath path, long amount) implements LimitOperation {
        public String describedAs() {
            return "repayment";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            if (amount > hold.inUseMinor()) {
                throw new LimitRejection(LimitRejection.Reason.RETURN_EXCEEDS_USED,
                        "return of " + amount + " exceeds the " + hold.inUseMinor() + " in use in hold " + holdId);
            }
            return new Plan(FlowType.RETURN, amount,
                    each(path, n -> NodeDelta.returned(n.nodeId(), amount, n.revolving())), hold, hold.plus(0, 0, -amount));
        }
    }

    /** Limit maintenance: the entries are fixed in advance (a grant, the restore of a clearance). */
    record Deltas(FlowType type, List<NodeDelta> deltas, long hotRoot) implements LimitOperation {
        public String describedAs() {
            return type.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String existingHoldId() {
            return null;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            return new Plan(type, 0, deltas, null, null);
        }
    }

    /** 调整: sets a node's fixed and temporary limits; refused when the limit would fall below used + frozen. */
    record Adjust(long nodeId, long fixedMinor, long temporaryMinor, Instant temporaryExpiresAt, long hotRoot)
            implements LimitOperation {
        public String describedAs() {
            return "adjustment";
        }

        public String existingHoldId() {
            return null;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            Balances b = balances.get(nodeId);
            return new Plan(FlowType.ADJUST, 0, List.of(NodeDelta.limits(nodeId, fixedMinor - b.fixedMinor(),
                    temporaryMinor - b.temporaryMinor(), temporaryExpiresAt)), null, null);
        }
    }

    /** 清零: takes each node's available limit to zero (temporary first when fixed is not enough). */
    record Clear(List<Long> nodeIds, long hotRoot) implements LimitOperation {
        public String describedAs() {
            return "clearance";
        }

        public String existingHoldId() {
            return null;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            List<NodeDelta> entries = new ArrayList<>();
            for (long nodeId : nodeIds) {
                Balances b = balances.get(nodeId);
                long available = Math.max(0, b.availableAt(now));
                long fromFixed = Math.min(available, b.fixedMinor());
                entries.add(NodeDelta.limits(nodeId, -fromFixed, -(available - fromFixed), null));
            }
            return new Plan(FlowType.CLEAR, 0, entries, null, null);
        }
    }

    private static List<NodeDelta> each(LimitPath path, java.util.function.Function<PathNode, NodeDelta> entry) {
        return path.nodes().stream().map(entry).toList();
    }
}
