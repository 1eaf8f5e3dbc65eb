package io.creditsuite.reconcile.application.full;

import java.util.Map;

/**
 * What a pass measured of one subject, for the balance rules of the pass.
 *
 * @param fingerprint what the subject is, e.g. a customer id, {@code node:17}, {@code CNY:2026-12-02}
 * @param period      the accounting date the balances are of, or {@link #CURRENT_STATE} for balances as they stand
 * @param businessIds the business ids the people resolving it need (customer, loans, accounts), comma-separated
 * @param aspects     aspect name (empty for the only one) -> balance name -> minor units; a balance a source did
 *                    not have is absent, never a zero
 * @param note        what the source said beyond the balances (e.g. which chain entry is broken), or null
 */
public record Subject(String fingerprint, String period, String businessIds, Map<String, Map<String, Long>> aspects,
                      String note) {
    /** The period of the checks of balances as they stand (not of one accounting date). */
    public static final String CURRENT_STATE = "STATE";

    public Subject {
        aspects = Map.copyOf(aspects);
    }

    /** A subject with one comparison. */
    public static Subject of(String fingerprint, String period, String businessIds, Map<String, Long> balances) {
        return new Subject(fingerprint, period, businessIds, Map.of("", balances), null);
    }
}
