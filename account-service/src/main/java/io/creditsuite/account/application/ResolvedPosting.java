package io.creditsuite.account.application;

import io.creditsuite.account.domain.Posting;
import java.util.List;
import java.util.Objects;

/**
 * A posting as the writer applies it: its legs already sit on real (sub-)accounts, so the writer never
 * chooses an account. It is what {@link PostHandler}, {@link ReverseHandler}, collections and the buffered
 * consumer hand to {@link LedgerWriter}; the caller's own request is {@link PostCommand}.
 *
 * <p>Its mode is explicit: {@link #of} is an ordinary posting ({@code reversedEntryIds} empty, the voucher is
 * looked up for a replay), {@link #reversalOf} offsets stored entries ({@code reversedEntryIds.size() ==
 * legs.size()}, leg i offsets entry i; the unique key on the reversed entry makes it happen once).
 *
 * @param digest           fingerprint of the request as the caller sent it (before sub-account choice)
 * @param reversedEntryIds for a reversal, the entry each leg offsets (same order as the legs); empty otherwise
 */
public record ResolvedPosting(Posting posting, String digest, String traceId, List<Long> reversedEntryIds) {
    public ResolvedPosting {
        Objects.requireNonNull(posting, "posting");
        reversedEntryIds = List.copyOf(reversedEntryIds);
        if (!reversedEntryIds.isEmpty() && reversedEntryIds.size() != posting.legs().size()) {
            throw new IllegalArgumentException("reversal of voucher " + posting.voucherNo() + " names "
                    + reversedEntryIds.size() + " offset entries for " + posting.legs().size() + " legs");
        }
    }

    /** An ordinary posting: not a reversal. */
    public static ResolvedPosting of(Posting posting, String digest, String traceId) {
        return new ResolvedPosting(posting, digest, traceId, List.of());
    }

    /** A reversal: leg i offsets the stored entry {@code offsets.get(i)}. */
    public static ResolvedPosting reversalOf(Posting posting, String digest, String traceId, List<Long> offsets) {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("a reversal of voucher " + posting.voucherNo() + " offsets no entry");
        }
        return new ResolvedPosting(posting, digest, traceId, offsets);
    }

    public boolean reversal() {
        return !reversedEntryIds.isEmpty();
    }
}
