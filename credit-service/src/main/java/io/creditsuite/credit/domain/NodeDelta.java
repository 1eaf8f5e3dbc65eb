package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * The change one flow makes to one node (an entry, 分录). {@code temporaryExpiresAt}, when not null,
 * replaces the node's expiry of its temporary limit; every other field is added.
 */
public record NodeDelta(long nodeId, long fixedMinor, long temporaryMinor, Instant temporaryExpiresAt,
                        long retiredMinor, long frozenMinor, long inTransitMinor, long inUseMinor) {

    public static NodeDelta frozen(long nodeId, long amount) {
        return new NodeDelta(nodeId, 0, 0, null, 0, amount, 0, 0);
    }

    public static NodeDelta frozenToInTransit(long nodeId, long amount) {
        return new NodeDelta(nodeId, 0, 0, null, 0, -amount, amount, 0);
    }

    public static NodeDelta inTransit(long nodeId, long amount) {
        return new NodeDelta(nodeId, 0, 0, null, 0, 0, amount, 0);
    }

    public static NodeDelta inTransitToInUse(long nodeId, long amount) {
        return new NodeDelta(nodeId, 0, 0, null, 0, 0, -amount, amount);
    }

    public static NodeDelta returned(long nodeId, long amount, boolean revolving) {
        return new NodeDelta(nodeId, 0, 0, null, revolving ? 0 : amount, 0, 0, -amount);
    }

    public static NodeDelta limits(long nodeId, long fixed, long temporary, Instant temporaryExpiresAt) {
        return new NodeDelta(nodeId, fixed, temporary, temporaryExpiresAt, 0, 0, 0, 0);
    }

    /** The change of {@code used + frozen}. */
    public long exposureMinor() {
        return Math.addExact(Math.addExact(frozenMinor, inTransitMinor), inUseMinor);
    }

    /** Whether the limit goes down (fixed or temporary lower, retired higher, or a new earlier expiry). */
    public boolean lowersLimit() {
        return fixedMinor < 0 || temporaryMinor < 0 || retiredMinor > 0 || temporaryExpiresAt != null;
    }

    /** Whether the limit changes at all (fixed, temporary, its expiry, or retired). */
    public boolean changesLimit() {
        return fixedMinor != 0 || temporaryMinor != 0 || temporaryExpiresAt != null || retiredMinor != 0;
    }

    /** True when no balance goes down and no limit changes: see {@link LimitOperation#onlyRaisesExposure}. */
    public boolean onlyRaisesExposure() {
        return !changesLimit() && frozenMinor >= 0 && inTransitMinor >= 0 && inUseMinor >= 0;
    }

    public NodeDelta negated() {
        return new NodeDelta(nodeId, -fixedMinor, -temporaryMinor, null, -retiredMinor, -frozenMinor,
                -inTransitMinor, -inUseMinor);
    }
}
