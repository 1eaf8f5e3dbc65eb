package io.creditsuite.reconcile.application.full;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * End-of-day balance = previous end-of-day balance + the day's flows ({@code F-EOD-BALANCE}), for every account on
 * one closed day (a DATE run's date when it is closed, else the latest closed day), in chunks of account ids. An
 * account with flows on the day but no end-of-day balance is reported (a missing balance is not a zero).
 */
public class EndOfDayPass extends IdChunkedPass {
    public static final String NAME = "END_OF_DAY";
    static final String END_OF_DAY = "endOfDay";
    static final String PREVIOUS_END_OF_DAY = "previousEndOfDay";
    static final String FLOWS = "flows";
    /** The balances this pass measures of each subject (what a balance rule of the pass may name). */
    public static final Set<String> BALANCES = Set.of(END_OF_DAY, PREVIOUS_END_OF_DAY, FLOWS);

    private final LedgerSource ledger;

    public EndOfDayPass(LedgerSource ledger, long chunkIds) {
        super(NAME, chunkIds);
        this.ledger = ledger;
    }

    @Override
    public String periodOf(FullCheckScope scope) {
        return day(scope).map(d -> d.date().toString()).orElse("-");
    }

    /** Cursor {@code <last account id done>/<highest id>}. */
    @Override
    public Chunk next(FullCheckScope scope, String cursor, String partial) {
        Optional<LedgerSource.ClosedDay> day = day(scope);
        if (day.isEmpty()) {
            return new Chunk(null, null, 0, List.of());
        }
        IdCursor at = IdCursor.of(cursor, ledger::maxAccountId);
        long upTo = at.upTo(chunkIds);
        long rows = 0;
        String period = day.get().date().toString();
        List<Subject> subjects = new ArrayList<>();
        for (LedgerSource.AccountDay a : ledger.accountDays(day.get(), at.done(), upTo)) {
            rows += a.rows();
            Map<String, Long> balances = new HashMap<>();
            if (a.endOfDay() != null) {
                balances.put(END_OF_DAY, a.endOfDay());
            }
            balances.put(PREVIOUS_END_OF_DAY, a.previousEndOfDay());
            balances.put(FLOWS, a.flows());
            subjects.add(Subject.of("account:" + a.accountId(), period, "account " + a.accountId() + " ("
                    + a.currency() + ")", balances));
        }
        return new Chunk(at.after(upTo), null, rows, subjects);
    }

    private Optional<LedgerSource.ClosedDay> day(FullCheckScope scope) {
        LocalDate date = scope.date();
        return date == null ? ledger.latestClosedDay() : ledger.closedDay(date);
    }
}
