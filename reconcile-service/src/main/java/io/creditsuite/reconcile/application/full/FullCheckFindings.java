package io.creditsuite.reconcile.application.full;

import io.creditsuite.reconcile.application.realtime.DiscrepancyBook;
import io.creditsuite.reconcile.application.realtime.DiscrepancyStore;
import io.creditsuite.reconcile.domain.check.BalanceEquation;
import io.creditsuite.reconcile.domain.check.BalanceRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a pass measured into discrepancies: every subject against every balance rule of the pass in force. A
 * subject that fails a rule opens (or recurs) one discrepancy per (rule, subject's fingerprint, subject's period),
 * naming every aspect that failed; past {@code floodCap} findings of one pass in one run, no more are opened and one
 * META-CAP is (a broken source must not flood anyone). At the end of a pass, a discrepancy of its rules that the run
 * did not find again is resolved AUTO (a later check passed).
 */
public class FullCheckFindings {
    private final BalanceRules rules;
    private final DiscrepancyBook book;
    private final CheckedDiscrepancies checked;
    private final int floodCap;

    public FullCheckFindings(BalanceRules rules, DiscrepancyBook book, CheckedDiscrepancies checked, int floodCap) {
        this.rules = rules;
        this.book = book;
        this.checked = checked;
        this.floodCap = floodCap;
    }

    /**
     * @param passFindingsBefore the pass's findings in this run before these subjects (the flood cap counts them)
     * @return the pass's findings after these subjects
     */
    public long record(String pass, List<Subject> subjects, long passFindingsBefore, Instant now) {
        long findings = passFindingsBefore;
        List<BalanceRule> inForce = rules.inForce(pass);
        for (Subject subject : subjects) {
            for (BalanceRule rule : inForce) {
                String failures = failures(rule.equation(), subject);
                if (failures == null) {
                    continue;
                }
                findings++;
                if (findings <= floodCap) {
                    book.failed(rule.ruleId(), subject.fingerprint(), subject.period(), rule.description() + ": "
                            + failures, new DiscrepancyStore.Context(rule.severity(), rule.ownerTeam(), "",
                            subject.businessIds()), now);
                } else if (findings == floodCap + 1) {
                    book.metaFailed("META-CAP", "pass " + pass, rule.ownerTeam(), "the full check's pass " + pass
                            + " found more than " + floodCap + " discrepancies in one run; the rest were not opened"
                            + " (first one not opened: " + subject.fingerprint() + ")", now);
                }
            }
        }
        return findings;
    }

    /**
     * The pass is done: its rules' discrepancies this run did not find again are resolved AUTO, within the run's
     * reach (one customer, one period) and only when the run opened all it found.
     */
    public void passDone(String pass, long passFindings, Instant runStartedAt, String onlyFingerprint,
                         String onlyPeriod, Instant now) {
        if (passFindings > floodCap) {
            return;
        }
        for (BalanceRule rule : rules.inForce(pass)) {
            for (long id : checked.unresolvedNotFoundSince(rule.ruleId(), runStartedAt, onlyFingerprint, onlyPeriod)) {
                book.passedById(id, now);
            }
        }
    }

    /** Null when every aspect holds; else what failed, e.g. {@code inUse: drift 100 (stored=600, replayed=500)}. */
    static String failures(BalanceEquation equation, Subject subject) {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> aspect : subject.aspects().entrySet()) {
            BalanceEquation.Evaluation e = equation.evaluate(aspect.getValue());
            if (!e.holds()) {
                String name = aspect.getKey().isEmpty() ? "" : aspect.getKey() + ": ";
                failed.add(name + (e.missing().isEmpty() ? "drift " + e.drift() : "no balance for " + e.missing())
                        + " " + aspect.getValue());
            }
        }
        failed.sort(null);
        return failed.isEmpty() ? null : String.join("; ", failed) + (subject.note() == null ? "" : " - "
                + subject.note());
    }
}
