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
     * end of a batch implies it after every change of the batch, so the batch may be planned on an unlocked read
     * and checked once by the guarded node update (the writer's optimistic batches).
     */
    default boolean onlyRaisesExposure() {
        return false;
    }

    /**
     * 冻结: a new hold of {@code amount}; every path node's frozen rises by it. {@code tccXid}: the global transaction
     * whose TCC try opens it (it then owns the hold until phase two, {@link HoldGuard}), null for a caller's hold.
     */
    record Freeze(String holdId, String lineId, String currency, LimitPath path, long amount, Instant expiresAt,
                  String tccXid) implements LimitOperation {
        public Freeze {
            if (tccXid != null && expiresAt != null) {
                throw new IllegalArgumentException("a TCC hold ends by its phase two; it takes no expiry");
            }
        }

        /** A caller's hold. */
        public Freeze(String holdId, String lineId, String currency, LimitPath path, long amount, Instant expiresAt) {
            this(holdId, lineId, currency, path, amount, expiresAt, null);
        }

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
            Hold opened = new Hold(holdId, lineId, path.leafNodeId(), currency, amount, 0, 0, expiresAt, tccXid);
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

    /** 使用: a caller's use of part or all of its hold; frozen -> in-transit on every path node ({@link HoldGuard#callerUse}). */
    record UseHold(String holdId, LimitPath path, long amount) implements LimitOperation {
        public String describedAs() {
            return "use";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            HoldGuard.callerUse(hold, amount, now);
            return new Plan(FlowType.USE, amount, each(path, n -> NodeDelta.frozenToInTransit(n.nodeId(), amount)),
                    hold, hold.plus(-amount, amount, 0));
        }
    }

    /**
     * TCC confirm (phase two): uses exactly {@code triedAmount}, what the try froze ({@link HoldGuard#confirm}); a
     * USE flow like a caller's use.
     */
    record ConfirmTry(String holdId, LimitPath path, long triedAmount) implements LimitOperation {
        public String describedAs() {
            return "confirm of the TCC try";
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            HoldGuard.confirm(hold, triedAmount);
            return new Plan(FlowType.USE, triedAmount,
                    each(path, n -> NodeDelta.frozenToInTransit(n.nodeId(), triedAmount)), hold,
                    hold.plus(-triedAmount, triedAmount, 0));
        }
    }

    /** 解冻: releases everything still frozen in the hold, by a caller, a TCC cancel or the expiry ({@link HoldGuard#release}). */
    record Unfreeze(String holdId, LimitPath path, HoldRelease release) implements LimitOperation {
        public String describedAs() {
            return release.describedAs();
        }

        public String existingHoldId() {
            return holdId;
        }

        public Plan plan(Hold hold, Map<Long, Balances> balances, Instant now) {
            HoldGuard.release(hold, release, now);
            long amount = hold.frozenMinor();
            return new Plan(release.flowType(), amount, each(path, n -> NodeDelta.frozen(n.nodeId(), -amount)), hold,
                    hold.plus(-amount, 0, 0));
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
            HoldGuard.disburse(hold, amount);
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
            HoldGuard.repay(hold, amount);
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
