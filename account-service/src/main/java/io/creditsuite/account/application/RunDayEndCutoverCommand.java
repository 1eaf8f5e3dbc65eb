package io.creditsuite.account.application;

import java.time.LocalDate;

/**
 * @param closedDate the date to close: the accounting date in force (or a date already closed, to
 *                   read its result or resume it)
 */
public record RunDayEndCutoverCommand(LocalDate closedDate) {
    public RunDayEndCutoverCommand {
        if (closedDate == null) {
            throw new IllegalArgumentException("a cutover needs the date it closes");
        }
    }
}
