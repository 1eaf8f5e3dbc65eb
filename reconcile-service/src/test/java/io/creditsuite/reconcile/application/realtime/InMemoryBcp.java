package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.Pair;
import io.creditsuite.reconcile.domain.check.PairState;
import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import io.creditsuite.reconcile.domain.fact.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** In-memory fakes of the BCP ports, for the use cases' tests. */
final class InMemoryBcp {
    final Map<Long, Fact> facts = new LinkedHashMap<>();
    final Map<String, Pair> pairs = new LinkedHashMap<>();
    final Map<String, Discrepancy> discrepancies = new LinkedHashMap<>();

    final FactStore factStore = new FactStore() {
        @Override
        public OptionalLong insert(Fact fact) {
            if (facts.values().stream().anyMatch(f -> f.eventType().equals(fact.eventType())
                    && f.businessKey().equals(fact.businessKey()))) {
                return OptionalLong.empty();
            }
            long id = facts.size() + 1L;
            facts.put(id, fact);
            return OptionalLong.of(id);
        }

        @Override
        public Optional<Fact> byId(long factId) {
            return Optional.ofNullable(facts.get(factId));
        }
    };

    final PairStore pairStore = new PairStore() {
        @Override
        public Pair lock(Pair fresh) {
            return pairs.computeIfAbsent(fresh.ruleId() + "|" + fresh.pairKey(), k -> fresh);
        }

        @Override
        public void save(Pair pair, Instant now) {
            pairs.put(pair.ruleId() + "|" + pair.pairKey(), pair);
        }

        @Override
        public List<Pair> overdue(Instant now, int limit) {
            return pairs.values().stream().filter(p -> p.state() == PairState.WAITING && !p.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Pair::dueAt)).limit(limit).toList();
        }
    };

    final DiscrepancyStore discrepancyStore = new DiscrepancyStore() {
        @Override
        public Optional<Discrepancy> lock(String ruleId, String fingerprint, String period) {
            return Optional.ofNullable(discrepancies.get(ruleId + "/" + fingerprint + "/" + period));
        }

        @Override
        public Optional<Located> lockById(long id) {
            return Optional.empty();
        }

        @Override
        public void save(Discrepancy d, Context context) {
            discrepancies.put(d.key(), d);
        }
    };

    static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    List<String> discrepancyKeys() {
        return new ArrayList<>(discrepancies.keySet());
    }
}
