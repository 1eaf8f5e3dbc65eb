package io.creditsuite.approval.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * UTC calendar days {@code from..to}, both inclusive, at most {@code maxDays} long: the instants
 * {@code [from 00:00Z, (to + 1 day) 00:00Z)}.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** @throws IllegalArgumentException naming what is wrong: not ISO dates, from after to, or too long */
    public static ReportPeriod parse(String fromDate, String toDate, int maxDays) {
        LocalDate from = date("fromDate", fromDate);
        LocalDate to = date("toDate", toDate);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("fromDate " + from + " is after toDate " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new IllegalArgumentException("a report covers at most " + maxDays + " days");
        }
        return new ReportPeriod(from, to);
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO date like 2026-12-03, not '" + text + "'");
        }
    }
}
