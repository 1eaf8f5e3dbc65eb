package io.creditsuite.account.domain;

/** The hash that links each journal entry to the one before it (链式设计); the formulas are in {@link ChainFormat}. */
public final class ChainHash {
    /** previousHash of an account's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** The hash an entry should carry, recomputed from its fields with the formula of its own chain format. */
    public static String of(JournalEntry e) {
        return e.chainFormat().hash(e);
    }
}
