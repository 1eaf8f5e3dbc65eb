package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PendingCreditRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Detail rows of summary-posted accounts, in id order. */
public final class InMemoryPendingCreditRepository implements PendingCreditRepository, Checkpointed {
    private final List<PendingCredit> rows = new ArrayList<>();
    private long nextId = 1;

    @Override
    public void insertAll(List<PendingCredit> details) {
        for (PendingCredit p : details) {
            rows.add(new PendingCredit(nextId++, p.accountId(), p.side(), p.amountMinor(), p.currency(), p.origin(), p.hash()));
        }
    }

    @Override
    public List<PendingCredit> oldest(long accountId, int limit) {
        return new ArrayList<>(rows.stream().filter(p -> p.accountId() == accountId).limit(limit).toList());
    }

    @Override
    public void delete(List<PendingCredit> folded) {
        if (!rows.containsAll(folded)) {
            throw new IllegalStateException("folded details that are not stored");
        }
        rows.removeAll(folded);
    }

    @Override
    public long sum(long accountId) {
        return rows.stream().filter(p -> p.accountId() == accountId).mapToLong(PendingCredit::amountMinor)
                .reduce(0, Math::addExact);
    }

    @Override
    public List<PendingCredit> byVoucher(String voucherNo) {
        return rows.stream().filter(p -> p.origin().voucherNo().equals(voucherNo)).toList();
    }

    @Override
    public Map<String, String> digestsOf(Collection<String> voucherNos) {
        Map<String, String> digests = new HashMap<>();
        rows.stream().filter(p -> voucherNos.contains(p.origin().voucherNo()))
                .forEach(p -> digests.put(p.origin().voucherNo(), p.origin().digest()));
        return digests;
    }

    @Override
    public List<Long> accountsWithPending() {
        return rows.stream().map(PendingCredit::accountId).distinct().sorted().toList();
    }

    @Override
    public Runnable checkpoint() {
        List<PendingCredit> saved = List.copyOf(rows);
        long savedNextId = nextId;
        return () -> {
            rows.clear();
            rows.addAll(saved);
            nextId = savedNextId;
        };
    }
}
