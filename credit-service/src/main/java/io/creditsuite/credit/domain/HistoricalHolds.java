package io.creditsuite.credit.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The holds (冻结 and what became of them) of imported historical flows, rebuilt flow by flow in time order, so that a
 * drawing still open after the import is a real {@link Hold} the live operations (use, unfreeze, disbursement,
 * repayment, expiry) work on, exactly like one the live writer opened.
 *
 * <p>Guarantees, for every imported hold {@code h} and every flow {@code f} of it (in time order):
 * <ul>
 *   <li>{@code h} is opened by its own request id: a FREEZE ({@code +a} frozen) or a direct USE ({@code +a} in
 *       transit), and every later flow of {@code h} comes after its opening;</li>
 *   <li>{@code nodes(f) = path(h.leaf)}: the entries of {@code f} are exactly the selector path of the hold's leaf
 *       as the live DAG gives it, and every entry moves frozen / in transit / in use by the same {@code (df, dt, du)},
 *       which is the live writer's shape for the flow type: USE {@code (-a, +a, 0)}, UNFREEZE / EXPIRE
 *       {@code (-a, 0, 0)}, DISBURSE {@code (0, -a, +a)}, RETURN {@code (0, 0, -a)} with {@code retired += a} on
 *       non-revolving nodes only; {@code a > 0}; a hold flow changes no fixed or temporary limit;</li>
 *   <li>{@code h.frozen, h.inTransit, h.inUse >= 0} after every flow, and no USE of {@code h} at or after its
 *       expiry; so {@code h} carries, on every node of its path, exactly what its flows left there.</li>
 * </ul>
 * Flows without a hold must leave no exposure behind: for every node, the sum of their frozen, in-transit and
 * in-use deltas is 0 (a closed drawing of the past). Exposure no hold owns could never be used, released,
 * repaid or expire ({@link #openHoldlessExposure()}).
 */
public final class HistoricalHolds {
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final Map<String, LimitPath> paths = new HashMap<>();
    private final Map<String, Instant> openedAt = new HashMap<>();
    /**
     * Per node: the net frozen / in-transit / in-use of the flows without a hold, and the line of the flow since which
     * it has not been back to zero.
     */
    private final Map<Long, long[]> holdless = new TreeMap<>();
    private final Map<Long, Integer> holdlessFirstLine = new HashMap<>();

    /** One imported flow of a hold (refusals name the hold; the caller names the flow's CSV line). */
    public record HoldFlow(String requestId, String holdId, FlowType type, Instant at, List<NodeDelta> entries) {
    }

    /** Whether the flow opens the hold it names (a FREEZE, or a USE without an earlier hold). */
    public static boolean opens(FlowType type, String requestId, String holdId) {
        return (type == FlowType.FREEZE || type == FlowType.USE) && requestId.equals(holdId);
    }

    /** The flow types that may name a hold. */
    public static boolean onHold(FlowType type) {
        return switch (type) {
            case FREEZE, UNFREEZE, EXPIRE, USE, DISBURSE, RETURN -> true;
            case GRANT, ADJUST, CLEAR, RESTORE -> false;
        };
    }

    /**
     * Opens hold {@code f.holdId()} on {@code path} (the live path of the leaf the handler found for the flow's
     * nodes), on {@code lineId} in {@code currency}, expiring at {@code expiresAt} (FREEZE only, may be null).
     */
    public void open(HoldFlow f, LimitPath path, String lineId, String currency, Instant expiresAt) {
        if (holds.containsKey(f.holdId())) {
            throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + " is opened twice");
        }
        long[] d = uniformDeltas(f, path);
        long amount = f.type() == FlowType.FREEZE ? d[0] : d[1];
        boolean shaped = f.type() == FlowType.FREEZE ? d[1] == 0 && d[2] == 0 : d[0] == 0 && d[2] == 0;
        requireShape(f, shaped && amount > 0, f.type() == FlowType.FREEZE ? "(+a, 0, 0)" : "(0, +a, 0)", d);
        requireNoRetired(f, path, 0);
        holds.put(f.holdId(), new Hold(f.holdId(), lineId, path.leafNodeId(), currency, d[0], d[1], d[2], expiresAt));
        paths.put(f.holdId(), path);
        openedAt.put(f.holdId(), f.at());
    }

    /** Applies a later flow of an open hold. */
    public void apply(HoldFlow f) {
        Hold hold = holds.get(f.holdId());
        if (hold == null) {
            throw rejected(LimitRejection.Reason.BALANCE_NEGATIVE, "hold " + f.holdId() + " is not opened by an earlier"
                    + " flow of this file (its FREEZE or direct USE, whose request id is the hold id, must come first)");
        }
        LimitPath path = paths.get(f.holdId());
        long[] d = uniformDeltas(f, path);
        long amount;
        String shape;
        boolean shaped;
        switch (f.type()) {
            case USE -> {
                amount = d[1];
                shaped = d[0] == -amount && d[2] == 0;
                shape = "(-a, +a, 0)";
                if (hold.expiredAt(f.at())) {
                    throw rejected(LimitRejection.Reason.HOLD_EXPIRED, "hold " + f.holdId() + " expired at "
                            + hold.expiresAt() + " and cannot be used at " + f.at());
                }
            }
            case UNFREEZE, EXPIRE -> {
                amount = -d[0];
                shaped = d[1] == 0 && d[2] == 0;
                shape = "(-a, 0, 0)";
            }
            case DISBURSE -> {
                amount = d[2];
                shaped = d[0] == 0 && d[1] == -amount;
                shape = "(0, -a, +a)";
            }
            case RETURN -> {
                amount = -d[2];
                shaped = d[0] == 0 && d[1] == 0;
                shape = "(0, 0, -a)";
            }
            default -> throw rejected(LimitRejection.Reason.AMOUNT_INVALID, f.type() + " cannot work on hold " + f.holdId());
        }
        requireShape(f, shaped && amount > 0, shape, d);
        requireNoRetired(f, path, f.type() == FlowType.RETURN ? amount : 0);
        holds.put(f.holdId(), hold.plus(d[0], d[1], d[2]));
    }

    /** Adds a flow without a hold to the per-node net exposure it leaves behind. */
    public void holdless(int lineNumber, Collection<NodeDelta> entries) {
        for (NodeDelta e : entries) {
            if (e.frozenMinor() == 0 && e.inTransitMinor() == 0 && e.inUseMinor() == 0) {
                continue;
            }
            long[] net = holdless.computeIfAbsent(e.nodeId(), k -> new long[3]);
            net[0] += e.frozenMinor();
            net[1] += e.inTransitMinor();
            net[2] += e.inUseMinor();
            // name the flow that opened the exposure still open: a closed drawing before it does not count
            if (net[0] == 0 && net[1] == 0 && net[2] == 0) {
                holdlessFirstLine.remove(e.nodeId());
            } else {
                holdlessFirstLine.putIfAbsent(e.nodeId(), lineNumber);
            }
        }
    }

    /**
     * @return for the first node whose flows without a hold leave exposure behind: the CSV line of the flow since which
     *         it stayed open, with the detail; or null
     */
    public Map.Entry<Integer, String> openHoldlessExposure() {
        for (Map.Entry<Long, long[]> n : holdless.entrySet()) {
            long[] net = n.getValue();
            if (net[0] != 0 || net[1] != 0 || net[2] != 0) {
                return Map.entry(holdlessFirstLine.get(n.getKey()), "the flows without a hold_id leave node " + n.getKey()
                        + " with frozen " + net[0] + ", in transit " + net[1] + ", in use " + net[2]
                        + ", which no hold owns, so nothing could ever use, release, repay or expire it: name the hold"
                        + " of each FREEZE / USE / UNFREEZE / EXPIRE / DISBURSE / RETURN in the hold_id column");
            }
        }
        return null;
    }

    /** Every imported hold as it stands after its last flow, in the order they were opened. */
    public List<FlowLog.ImportedHold> holds() {
        return holds.values().stream().map(h -> new FlowLog.ImportedHold(h, openedAt.get(h.holdId()))).toList();
    }

    private static long[] uniformDeltas(HoldFlow f, LimitPath path) {
        Set<Long> pathIds = path.nodes().stream().map(PathNode::nodeId).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<Long> flowIds = f.entries().stream().map(NodeDelta::nodeId).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!pathIds.equals(flowIds)) {
            throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + ": the flow's nodes " + flowIds
                    + " are not the path " + pathIds + " of the hold's leaf node " + path.leafNodeId()
                    + " (every flow of a hold moves every node of its path)");
        }
        NodeDelta first = f.entries().get(0);
        for (NodeDelta e : f.entries()) {
            if (e.frozenMinor() != first.frozenMinor() || e.inTransitMinor() != first.inTransitMinor()
                    || e.inUseMinor() != first.inUseMinor()) {
                throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + ": node " + e.nodeId()
                        + " moves frozen / in transit / in use differently from node " + first.nodeId()
                        + " (every node of a hold's path moves by the same amounts)");
            }
            if (e.fixedMinor() != 0 || e.temporaryMinor() != 0 || e.temporaryExpiresAt() != null) {
                throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + ": a " + f.type()
                        + " changes no fixed or temporary limit (node " + e.nodeId() + ")");
            }
        }
        return new long[] {first.frozenMinor(), first.inTransitMinor(), first.inUseMinor()};
    }

    private static void requireShape(HoldFlow f, boolean shaped, String shape, long[] d) {
        if (!shaped) {
            throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + ": a " + f.type()
                    + " moves (frozen, in transit, in use) by " + shape + " with a > 0, this one by (" + d[0] + ", "
                    + d[1] + ", " + d[2] + ")");
        }
    }

    /** A repayment retires {@code amount} on the path's non-revolving nodes and nothing on revolving ones. */
    private static void requireNoRetired(HoldFlow f, LimitPath path, long amount) {
        Map<Long, Boolean> revolving = new HashMap<>();
        path.nodes().forEach(n -> revolving.put(n.nodeId(), n.revolving()));
        for (NodeDelta e : f.entries()) {
            long expected = revolving.get(e.nodeId()) ? 0 : amount;
            if (e.retiredMinor() != expected) {
                throw rejected(LimitRejection.Reason.AMOUNT_INVALID, "hold " + f.holdId() + ": node " + e.nodeId()
                        + " (" + (revolving.get(e.nodeId()) ? "revolving" : "non-revolving") + ") must retire "
                        + expected + " in this " + f.type() + ", not " + e.retiredMinor());
            }
        }
    }

    private static LimitRejection rejected(LimitRejection.Reason reason, String detail) {
        return new LimitRejection(reason, detail);
    }
}
