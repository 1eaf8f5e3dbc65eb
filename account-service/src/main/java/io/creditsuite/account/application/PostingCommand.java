package io.creditsuite.account.application;

import io.creditsuite.account.domain.Posting;
import java.util.List;

/**
 * A posting as the writer applies it: legs already on real (sub-)accounts.
 *
 * @param digest           fingerprint of the request as the caller sent it (before sub-account choice)
 * @param reversedEntryIds for a reversal, the entry each leg offsets; null otherwise
 */
public record PostingCommand(Posting posting, String digest, String traceId, List<Long> reversedEntryIds) {
    public static PostingCommand of(Posting posting, String digest, String traceId) {
        return new PostingCommand(posting, digest, traceId, null);
    }

    public boolean reversal() {
        return reversedEntryIds != null;
    }
}
