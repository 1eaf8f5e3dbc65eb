package io.creditsuite.reconcile.application.full;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one full check run covers.
 * <ul>
 *   <li>{@code ALL}: the ledger totals of every accounting date, the latest closed day's end-of-day balances, every
 *       limit node and every customer as they stand;</li>
 *   <li>{@code DATE:d} (T+1 runs yesterday's): the ledger totals of d, the end-of-day balances of d when d is
 *       closed, every limit node and customer as they stand;</li>
 *   <li>{@code CUSTOMER:c}: customer c's balances only.</li>
 * </ul>
 */
public record FullCheckScope(Kind kind, LocalDate date, String customerId) {
    public enum Kind { ALL, DATE, CUSTOMER }

    public FullCheckScope {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DATE) != (date != null) || (kind == Kind.CUSTOMER) != (customerId != null)) {
            throw new IllegalArgumentException("a DATE scope needs exactly a date, a CUSTOMER scope exactly a customer");
        }
    }

    public static FullCheckScope all() {
        return new FullCheckScope(Kind.ALL, null, null);
    }

    public static FullCheckScope date(LocalDate date) {
        return new FullCheckScope(Kind.DATE, date, null);
    }

    public static FullCheckScope customer(String customerId) {
        return new FullCheckScope(Kind.CUSTOMER, null, customerId);
    }

    /** As stored: {@code ALL}, {@code DATE:2026-12-02}, {@code CUSTOMER:CU1}. */
    public String text() {
        return switch (kind) {
            case ALL -> "ALL";
            case DATE -> "DATE:" + date;
            case CUSTOMER -> "CUSTOMER:" + customerId;
        };
    }

    public static FullCheckScope parse(String text) {
        if ("ALL".equals(text)) {
            return all();
        }
        if (text.startsWith("DATE:")) {
            return date(LocalDate.parse(text.substring(5)));
        }
        if (text.startsWith("CUSTOMER:")) {
            return customer(text.substring(9));
        }
        throw new IllegalArgumentException("not a full check scope: " + text);
    }
}
