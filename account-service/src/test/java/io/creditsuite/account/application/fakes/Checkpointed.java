package io.creditsuite.account.application.fakes;

/** A fake store whose state can be put back: what a rolled-back transaction does to a real one. */
public interface Checkpointed {
    /** Returns what puts the state back as it is now. */
    Runnable checkpoint();
}
