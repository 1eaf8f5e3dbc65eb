package io.creditsuite.credit.domain;

/** How a change ended. */
public sealed interface LimitChangeResult {
    /** Written (or, {@code replayed}, written earlier by the same request id with the same body). */
    record Accepted(String requestId, String holdId, long flowSeq, boolean replayed) implements LimitChangeResult {
    }

    /** Refused by a rule; nothing written. */
    record Rejected(LimitRejection rejection) implements LimitChangeResult {
    }

    /** The request id was written earlier with a different body; nothing written. */
    record IdReused(String requestId) implements LimitChangeResult {
    }
}
