package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import java.time.Instant;

/** Opens, counts and auto-resolves discrepancies for the checks, in the caller's transaction. */
public class DiscrepancyBook {
    private final DiscrepancyStore store;

    public DiscrepancyBook(DiscrepancyStore store) {
        this.store = store;
    }

    /** A check failed: opens the discrepancy, counts a recurrence, or reopens a resolved one in place. */
    public void failed(PairRule rule, String fingerprint, String period, String detail,
                       DiscrepancyStore.Context context, Instant now) {
        Discrepancy d = store.lock(rule.ruleId(), fingerprint, period).map(found -> {
            found.recurred(detail, now);
            return found;
        }).orElseGet(() -> Discrepancy.opened(rule.ruleId(), fingerprint, period, detail, now));
        store.save(d, context);
    }

    /** A check passed: an open discrepancy of the same rule, fingerprint and period is resolved (AUTO). */
    public void passed(PairRule rule, String fingerprint, String period, DiscrepancyStore.Context context,
                       Instant now) {
        store.lock(rule.ruleId(), fingerprint, period).ifPresent(d -> {
            d.passed(now);
            store.save(d, context);
        });
    }
}
