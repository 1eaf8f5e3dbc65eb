package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.BufferedOutflows;
import io.creditsuite.account.domain.WatermarkFloor;
import java.util.HashMap;
import java.util.Map;

/** Buffered outflows accepted and not yet applied, keyed by (account, voucher), as the shared table keeps them. */
public final class InMemoryBufferedOutflows implements BufferedOutflows, Checkpointed {
    private final AccountRepository accounts;
    private final Map<Long, Map<String, Long>> reserved = new HashMap<>();

    public InMemoryBufferedOutflows(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized Reservation reserve(long accountId, String voucherNo, long amountMinor, WatermarkFloor floor) {
        Map<String, Long> byVoucher = reserved.computeIfAbsent(accountId, id -> new HashMap<>());
        if (byVoucher.containsKey(voucherNo)) {
            return Reservation.ALREADY_RESERVED;
        }
        long available = accounts.find(accountId).orElseThrow().availableMinor();
        if (!floor.admits(available, queuedMinor(accountId), amountMinor)) {
            return Reservation.REFUSED;
        }
        byVoucher.put(voucherNo, amountMinor);
        return Reservation.RESERVED;
    }

    @Override
    public synchronized void release(long accountId, String voucherNo) {
        Map<String, Long> byVoucher = reserved.get(accountId);
        if (byVoucher != null) {
            byVoucher.remove(voucherNo);
        }
    }

    @Override
    public synchronized long queuedMinor(long accountId) {
        return reserved.getOrDefault(accountId, Map.of()).values().stream().reduce(0L, Math::addExact);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<Long, Map<String, Long>> saved = new HashMap<>();
        reserved.forEach((id, byVoucher) -> saved.put(id, new HashMap<>(byVoucher)));
        return () -> {
            synchronized (this) {
                reserved.clear();
                reserved.putAll(saved);
            }
        };
    }
}
