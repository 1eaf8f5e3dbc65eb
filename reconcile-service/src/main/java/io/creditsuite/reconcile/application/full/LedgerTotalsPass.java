package io.creditsuite.reconcile.application.full;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sum of debits = sum of credits per currency and accounting date ({@code F-LEDGER-TOTALS}), over the journal and
 * the pending details, in chunks of journal ids up to the highest id when the pass began. Memory holds one total per
 * currency and date; they travel with the cursor, so a resumed run goes on from its last chunk. An imbalance is read
 * again in one statement (one snapshot) before it is reported: a voucher whose legs committed between two chunks is
 * not a discrepancy.
 */
public class LedgerTotalsPass extends IdChunkedPass {
    public static final String NAME = "LEDGER_TOTALS";
    static final String DEBITS = "debits";
    static final String CREDITS = "credits";
    /** The balances this pass measures of each subject (what a balance rule of the pass may name). */
    public static final Set<String> BALANCES = Set.of(DEBITS, CREDITS);

    private final LedgerSource ledger;

    public LedgerTotalsPass(LedgerSource ledger, long chunkIds) {
        super(NAME, chunkIds);
        this.ledger = ledger;
    }

    @Override
    public String periodOf(FullCheckScope scope) {
        return scope.date() == null ? null : scope.date().toString();
    }

    /** Cursor {@code <last id done>/<highest id>}; partial {@code CUR|date|debits|credits} lines. */
    @Override
    public Chunk next(FullCheckScope scope, String cursor, String partial) {
        IdCursor at = IdCursor.of(cursor, ledger::maxJournalId);
        Map<String, long[]> totals = decode(partial);
        long upTo = at.upTo(chunkIds);
        long rows = 0;
        for (LedgerSource.DayTotal t : ledger.journalTotals(at.done(), upTo, scope.date())) {
            add(totals, t);
            rows += t.rows();
        }
        if (at.after(upTo) != null) {
            return new Chunk(at.after(upTo), encode(totals), rows, List.of());
        }
        for (LedgerSource.DayTotal t : ledger.pendingTotals(scope.date())) {
            add(totals, t);
            rows += t.rows();
        }
        List<Subject> subjects = new ArrayList<>();
        for (Map.Entry<String, long[]> e : totals.entrySet()) {
            String[] key = e.getKey().split("\\|");
            long[] sums = e.getValue();
            if (sums[0] != sums[1]) {
                LedgerSource.DayTotal again = ledger.confirmTotals(key[0], LocalDate.parse(key[1]));
                sums = new long[] {again.debits(), again.credits()};
            }
            subjects.add(Subject.of(key[0] + ":" + key[1], key[1], "currency " + key[0] + ", accounting date " + key[1],
                    Map.of(DEBITS, sums[0], CREDITS, sums[1])));
        }
        return new Chunk(null, null, rows, subjects);
    }

    private static void add(Map<String, long[]> totals, LedgerSource.DayTotal t) {
        long[] sums = totals.computeIfAbsent(t.currency() + "|" + t.date(), k -> new long[2]);
        sums[0] = Math.addExact(sums[0], t.debits());
        sums[1] = Math.addExact(sums[1], t.credits());
    }

    static Map<String, long[]> decode(String partial) {
        Map<String, long[]> totals = new TreeMap<>();
        if (partial != null && !partial.isEmpty()) {
            for (String line : partial.split("\n")) {
                String[] f = line.split("\\|");
                totals.put(f[0] + "|" + f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
        return totals;
    }

    static String encode(Map<String, long[]> totals) {
        StringBuilder text = new StringBuilder();
        totals.forEach((key, sums) -> text.append(key).append('|').append(sums[0]).append('|').append(sums[1])
                .append('\n'));
        return text.toString();
    }
}
