package io.creditsuite.reconcile.application.full;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every account's chain intact ({@code F-CHAIN-INTACT}: broken entries = 0), incremental: only an account whose
 * version moved since its last verified entry is walked, from that entry on, by the ledger itself; an intact walk
 * moves the checkpoint to the version and hash read before it. A broken chain keeps its checkpoint, so the next run
 * walks it again and finds it again until it is repaired.
 */
public class ChainsPass extends IdChunkedPass {
    public static final String NAME = "CHAINS";

    private final LedgerSource ledger;
    private final ChainVerifications verifications;
    private final ChainCheckpoints checkpoints;

    public ChainsPass(LedgerSource ledger, ChainVerifications verifications, ChainCheckpoints checkpoints,
                      long chunkIds) {
        super(NAME, chunkIds);
        this.ledger = ledger;
        this.verifications = verifications;
        this.checkpoints = checkpoints;
    }

    /** Cursor {@code <last account id done>/<highest id>}. */
    @Override
    public Chunk next(FullCheckScope scope, String cursor, String partial) {
        IdCursor at = IdCursor.of(cursor, ledger::maxAccountId);
        long upTo = at.upTo(chunkIds);
        Map<Long, ChainCheckpoints.Checkpoint> verified = checkpoints.between(at.done(), upTo);
        long rows = 0;
        List<Subject> subjects = new ArrayList<>();
        for (LedgerSource.AccountHead head : ledger.heads(at.done(), upTo)) {
            ChainCheckpoints.Checkpoint from = verified.getOrDefault(head.accountId(),
                    new ChainCheckpoints.Checkpoint(0, null));
            if (head.version() == from.version()) {
                continue;
            }
            ChainVerifications.Verdict verdict = verifications.verifyAfter(head.accountId(), from.version(),
                    from.hash());
            rows += verdict.checked();
            if (verdict.intact()) {
                checkpoints.save(head.accountId(), new ChainCheckpoints.Checkpoint(head.version(), head.lastHash()));
            }
            subjects.add(new Subject("account:" + head.accountId(), Subject.CURRENT_STATE, "account "
                    + head.accountId() + (verdict.brokenEntryId() == null ? "" : ", entry " + verdict.brokenEntryId()),
                    Map.of("", Map.of("brokenEntries", verdict.intact() ? 0L : 1L)), verdict.reason()));
        }
        return new Chunk(at.after(upTo), null, rows, subjects);
    }
}
