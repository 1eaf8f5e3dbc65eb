package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** TCC branches keyed by (transfer id, direction), the table's primary key. */
public final class InMemoryTransferRepository implements TransferRepository, Checkpointed {
    private final Map<String, Transfer> rows = new HashMap<>();

    @Override
    public boolean insertTried(Transfer transfer) {
        return rows.putIfAbsent(key(transfer.transferId(), transfer.direction()), transfer) == null;
    }

    @Override
    public Optional<Transfer> lock(String transferId, Transfer.Direction direction) {
        return find(transferId, direction);
    }

    @Override
    public Optional<Transfer> find(String transferId, Transfer.Direction direction) {
        return Optional.ofNullable(rows.get(key(transferId, direction)));
    }

    @Override
    public void changePhase(Transfer transfer, Transfer.Phase from) {
        String key = key(transfer.transferId(), transfer.direction());
        if (rows.get(key) == null || rows.get(key).phase() != from) {
            throw new IllegalStateException("transfer " + key + " left " + from + " meanwhile");
        }
        rows.put(key, transfer);
    }

    private static String key(String transferId, Transfer.Direction direction) {
        return transferId + "/" + direction;
    }

    @Override
    public Runnable checkpoint() {
        Map<String, Transfer> saved = new HashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }
}
