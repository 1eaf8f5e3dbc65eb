package io.creditsuite.credit.domain;

import java.time.Instant;

/**
 * An adjustment waiting for a second person (maker-checker). Guarantee: {@code checker != maker}; decided once.
 */
public record PendingAdjustment(String approvalId, long nodeId, String lineId, long fixedMinor, long temporaryMinor,
                                Instant temporaryExpiresAt, String maker, String reason, String bodyHash,
                                String status, String checker) {

    /** How much the adjustment moves the limits: the larger of the fixed and temporary changes. */
    public static long size(Balances before, long fixedMinor, long temporaryMinor) {
        return Math.max(Math.abs(fixedMinor - before.fixedMinor()), Math.abs(temporaryMinor - before.temporaryMinor()));
    }
}
