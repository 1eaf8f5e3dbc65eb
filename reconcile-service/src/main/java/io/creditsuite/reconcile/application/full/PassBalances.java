package io.creditsuite.reconcile.application.full;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The passes whose balance rules people may publish, and the balances each measures: a rule that names a balance its
 * pass does not measure would fail on every subject ("no balance for ..."), so it is refused before it is stored.
 * {@code CHAINS} is not here: its one rule ({@code F-CHAIN-INTACT}, broken entries = 0) is the tamper check, not an
 * equation to tune.
 */
public final class PassBalances {
    private static final Map<String, Set<String>> BY_PASS = byPass();

    private PassBalances() {
    }

    private static Map<String, Set<String>> byPass() {
        Map<String, Set<String>> byPass = new LinkedHashMap<>();
        byPass.put(LedgerTotalsPass.NAME, sorted(LedgerTotalsPass.BALANCES));
        byPass.put(EndOfDayPass.NAME, sorted(EndOfDayPass.BALANCES));
        byPass.put(LimitNodesPass.NAME, sorted(LimitNodesPass.BALANCES));
        byPass.put(CustomersPass.NAME, sorted(CustomersPass.BALANCES));
        return Collections.unmodifiableMap(byPass);
    }

    private static Set<String> sorted(Set<String> names) {
        return Collections.unmodifiableSet(new TreeSet<>(names));
    }

    /** The administrable passes, in the order the full check runs them. */
    public static Set<String> passes() {
        return BY_PASS.keySet();
    }

    /** The balances the pass measures (sorted), or an empty set for a pass that is not administrable. */
    public static Set<String> of(String pass) {
        return pass == null ? Set.of() : BY_PASS.getOrDefault(pass, Set.of());
    }
}
