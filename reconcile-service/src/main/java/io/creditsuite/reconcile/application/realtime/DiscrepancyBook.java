package io.creditsuite.reconcile.application.realtime;

import io.creditsuite.reconcile.domain.check.PairRule;
import io.creditsuite.reconcile.domain.discrepancy.Discrepancy;
import java.time.Instant;
import java.time.ZoneOffset;

/** Opens, counts and auto-resolves discrepancies for the checks, in the caller's transaction. */
public class DiscrepancyBook {
    private final DiscrepancyStore store;

    public DiscrepancyBook(DiscrepancyStore store) {
        this.store = store;
    }

    /** A check failed: opens the discrepancy, counts a recurrence, or reopens a resolved one in place. */
    public void failed(PairRule rule, String fingerprint, String period, String detail,
                       DiscrepancyStore.Context context, Instant now) {
        failed(rule.ruleId(), fingerprint, period, detail, context, now);
    }

    /** A check of rule {@code ruleId} failed (a pair rule's or a full check's balance rule). */
    public void failed(String ruleId, String fingerprint, String period, String detail,
                       DiscrepancyStore.Context context, Instant now) {
        openOrRecur(ruleId, fingerprint, period, detail, context, now);
    }

    /**
     * A check could not run as written (a broken rule, a flood cut short): one meta-discrepancy per kind and subject
     * and day, critical, for the rule's owners, instead of silence or a flood.
     *
     * @param metaRuleId e.g. {@code META-RULE-BROKEN} or {@code META-CAP}
     * @param subject    what it is about, e.g. the rule id
     */
    public void metaFailed(String metaRuleId, String subject, String ownerTeam, String detail, Instant now) {
        openOrRecur(metaRuleId, subject, now.atOffset(ZoneOffset.UTC).toLocalDate().toString(), detail,
                new DiscrepancyStore.Context("critical", ownerTeam, "", ""), now);
    }

    private void openOrRecur(String ruleId, String fingerprint, String period, String detail,
                             DiscrepancyStore.Context context, Instant now) {
        Discrepancy d = store.lock(ruleId, fingerprint, period).map(found -> {
            found.recurred(detail, now);
            return found;
        }).orElseGet(() -> Discrepancy.opened(ruleId, fingerprint, period, detail, now));
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

    /** A later check passed for the discrepancy {@code id}: resolved AUTO (a resolved one is left as it is). */
    public void passedById(long id, Instant now) {
        store.lockById(id).ifPresent(located -> {
            located.discrepancy().passed(now);
            store.save(located.discrepancy(), located.context());
        });
    }
}
