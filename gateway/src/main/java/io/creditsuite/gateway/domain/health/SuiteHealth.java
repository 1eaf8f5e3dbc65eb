package io.creditsuite.gateway.domain.health;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the suite can serve a partner: the gateway plus every service it depends on.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@code up <=> for every required service s: exists check c with c.service = s and c.reachable}</li>
 *   <li>{@code missing = required - {c.service | c.reachable}}</li>
 * </ul>
 * A service that was not checked at all counts as unreachable: silence is not health.
 */
public record SuiteHealth(List<ServiceCheck> checks, Set<String> missing) {

    public SuiteHealth {
        checks = List.copyOf(checks);
        missing = Set.copyOf(missing);
    }

    public static SuiteHealth of(Set<String> required, List<ServiceCheck> checks) {
        Set<String> missing = new TreeSet<>(required);
        checks.stream().filter(ServiceCheck::reachable).map(ServiceCheck::service).forEach(missing::remove);
        return new SuiteHealth(checks, missing);
    }

    public boolean up() {
        return missing.isEmpty();
    }
}
