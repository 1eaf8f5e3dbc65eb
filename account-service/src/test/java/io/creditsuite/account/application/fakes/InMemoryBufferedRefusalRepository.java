package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.BufferedRefusal;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Refusals of buffered postings; a voucher keeps its first. */
public final class InMemoryBufferedRefusalRepository implements BufferedRefusalRepository, Checkpointed {
    private final Map<String, BufferedRefusal> rows = new HashMap<>();

    @Override
    public void recordAll(List<BufferedRefusal> refusals) {
        refusals.forEach(r -> rows.putIfAbsent(r.voucherNo(), r));
    }

    @Override
    public Optional<BufferedRefusal> find(String voucherNo) {
        return Optional.ofNullable(rows.get(voucherNo));
    }

    @Override
    public Set<String> refusedAmong(Collection<String> voucherNos) {
        return voucherNos.stream().filter(rows::containsKey).collect(Collectors.toSet());
    }

    @Override
    public Runnable checkpoint() {
        Map<String, BufferedRefusal> saved = new HashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }
}
