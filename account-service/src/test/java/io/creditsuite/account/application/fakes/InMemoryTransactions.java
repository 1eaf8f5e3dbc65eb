package io.creditsuite.account.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Plays Spring's {@code @Transactional} for the fakes: a call that throws leaves every store as it was before
 * the call. Nested calls nest (the inner one puts back only what it changed). Single-threaded tests only.
 */
public final class InMemoryTransactions {
    private final List<Checkpointed> stores;

    public InMemoryTransactions(Checkpointed... stores) {
        this.stores = List.of(stores);
    }

    public <T> T call(Supplier<T> work) {
        List<Runnable> rollback = new ArrayList<>();
        stores.forEach(s -> rollback.add(s.checkpoint()));
        try {
            return work.get();
        } catch (RuntimeException e) {
            rollback.forEach(Runnable::run);
            throw e;
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
