package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * Renews (extends, 续期) a line's term to end at {@code termEndEpochMillis}, which must be later than the line's
 * current term end and than now. Idempotent by {@code requestId}; audited with {@code reason}.
 */
public record RenewTermRequest(String requestId, String actor, String reason, String lineId, long termEndEpochMillis)
        implements Serializable {
}
