package io.creditsuite.reconcile.application.full;

import java.util.Map;

/** Where each account's chain was last verified intact ({@code bcp_chain_checkpoint}): the next walk starts there. */
public interface ChainCheckpoints {
    record Checkpoint(long version, String hash) {
    }

    /** The checkpoints of the accounts with {@code afterId < id <= upToId}. */
    Map<Long, Checkpoint> between(long afterId, long upToId);

    void save(long accountId, Checkpoint checkpoint);
}
