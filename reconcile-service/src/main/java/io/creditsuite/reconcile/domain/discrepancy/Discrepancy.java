package io.creditsuite.reconcile.domain.discrepancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One discrepancy per (rule, fingerprint, period): the services disagree about one thing (a customer, a loan, an
 * account) in one period. Guarantees:
 * <pre>
 *   identity      (ruleId, fingerprint, period) never changes; a recurrence reopens the same discrepancy
 *   lifecycle     OPEN -&gt; ACKNOWLEDGED -&gt; RESOLVED, and RESOLVED -&gt; OPEN on recurrence; nothing else
 *   resolution    RESOLVED  &lt;=&gt;  resolution != null;  FIXED_BY_BOOKING needs a voucher, ACCEPTED a note
 *   audit         every transition appends one {@link Transition} (who, when, from, to, why)
 * </pre>
 */
public final class Discrepancy {
    /** The system acting (a check that found or cleared it). */
    public static final String SYSTEM = "bcp";

    /** One step of the lifecycle, as audited. */
    public record Transition(Instant at, String actor, DiscrepancyState from, DiscrepancyState to, String why) {
    }

    private final String ruleId;
    private final String fingerprint;
    private final String period;
    private DiscrepancyState state;
    private Resolution resolution;
    private String voucherNo;
    private String detail;
    private int occurrences;
    private final List<Transition> transitions = new ArrayList<>();

    private Discrepancy(String ruleId, String fingerprint, String period) {
        this.ruleId = requireText(ruleId, "ruleId");
        this.fingerprint = requireText(fingerprint, "fingerprint");
        this.period = requireText(period, "period");
    }

    /** A check found it for the first time. */
    public static Discrepancy opened(String ruleId, String fingerprint, String period, String detail, Instant at) {
        Discrepancy d = new Discrepancy(ruleId, fingerprint, period);
        d.state = DiscrepancyState.OPEN;
        d.detail = detail;
        d.occurrences = 1;
        d.transitions.add(new Transition(at, SYSTEM, null, DiscrepancyState.OPEN, detail));
        return d;
    }

    /** As stored; {@link #transitions()} then lists only what happens from here on (the stored ones stay stored). */
    public static Discrepancy restore(String ruleId, String fingerprint, String period, DiscrepancyState state,
                                      Resolution resolution, String voucherNo, String detail, int occurrences) {
        Discrepancy d = new Discrepancy(ruleId, fingerprint, period);
        d.state = java.util.Objects.requireNonNull(state);
        d.resolution = resolution;
        d.voucherNo = voucherNo;
        d.detail = detail;
        d.occurrences = occurrences;
        return d;
    }

    /**
     * A check found it again: an OPEN or ACKNOWLEDGED one only counts the recurrence (no new transition, no new
     * alert); a RESOLVED one is reopened in place.
     */
    public void recurred(String newDetail, Instant at) {
        occurrences++;
        detail = newDetail;
        if (state == DiscrepancyState.RESOLVED) {
            move(DiscrepancyState.OPEN, at, SYSTEM, "recurred: " + newDetail);
            resolution = null;
            voucherNo = null;
        }
    }

    /** Someone owns it now; only an OPEN one can be acknowledged. */
    public void acknowledge(String who, String note, Instant at) {
        require(DiscrepancyState.OPEN, "acknowledge");
        move(DiscrepancyState.ACKNOWLEDGED, at, requireText(who, "who"), note);
    }

    /** A later check passed: resolved automatically, from OPEN or ACKNOWLEDGED; a repeat changes nothing. */
    public void passed(Instant at) {
        if (state != DiscrepancyState.RESOLVED) {
            resolve(Resolution.AUTO, SYSTEM, "a later check passed", at);
        }
    }

    public void fixedByBooking(String who, String voucher, Instant at) {
        voucherNo = requireText(voucher, "voucherNo");
        resolve(Resolution.FIXED_BY_BOOKING, requireText(who, "who"), "corrective booking " + voucher, at);
    }

    public void accepted(String who, String note, Instant at) {
        resolve(Resolution.ACCEPTED, requireText(who, "who"), requireText(note, "note"), at);
    }

    private void resolve(Resolution how, String who, String why, Instant at) {
        if (state == DiscrepancyState.RESOLVED) {
            throw new IllegalStateException("discrepancy " + key() + " is already resolved (" + resolution + ")");
        }
        resolution = how;
        move(DiscrepancyState.RESOLVED, at, who, why);
    }

    private void move(DiscrepancyState to, Instant at, String who, String why) {
        transitions.add(new Transition(Objects.requireNonNull(at), who, state, to, why));
        state = to;
    }

    private void require(DiscrepancyState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " discrepancy " + key() + " in state " + state);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public String key() {
        return ruleId + "/" + fingerprint + "/" + period;
    }

    public String ruleId() {
        return ruleId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String period() {
        return period;
    }

    public DiscrepancyState state() {
        return state;
    }

    public Resolution resolution() {
        return resolution;
    }

    public String voucherNo() {
        return voucherNo;
    }

    public String detail() {
        return detail;
    }

    public int occurrences() {
        return occurrences;
    }

    /** The transitions since it was opened or restored. */
    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }
}
