package io.creditsuite.account.domain;

/**
 * Where an account's journal chain stands: {@code version} = the version of its last entry (0: none yet) and
 * {@code lastHash} = that entry's hash ({@link ChainHash#GENESIS} before the first). The next entry e has
 * {@code e.version = version + 1} and {@code e.previousHash = lastHash}.
 */
public record ChainPosition(long version, String lastHash) {
    /** A fresh account's chain: no entry yet. */
    public static final ChainPosition GENESIS = new ChainPosition(0, ChainHash.GENESIS);
}
