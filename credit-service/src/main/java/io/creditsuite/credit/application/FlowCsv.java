package io.creditsuite.credit.application;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.FlowType;
import io.creditsuite.credit.domain.HistoricalHolds;
import io.creditsuite.credit.domain.NodeDelta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the CSV of historical flows: a header line, then one row per entry (分录) with exactly the columns of
 * {@link #HEADER}, or of {@link #HEADER_WITH_HOLDS} (two more: the hold the flow works on and, on the FREEZE that
 * opens a hold, its expiry; both may be empty); rows of one flow share its request id and must agree on its time,
 * type, currency, amounts and hold.
 * Fields hold ids, integers and ISO-8601 instants, so the format has no quoting: a quote anywhere is an error
 * (rather than a guess). Every problem names its line number (the header is line 1). Pure: reads nothing else.
 */
final class FlowCsv {
    static final String HEADER = "request_id,occurred_at,flow_type,node_id,currency,cash_minor,credit_minor,"
            + "fixed_minor,temporary_minor,temporary_expires_at,retired_minor,frozen_minor,in_transit_minor,in_use_minor";
    /** The first format extended by the hold columns; files in the first format still import as before. */
    static final String HEADER_WITH_HOLDS = HEADER + ",hold_id,hold_expires_at";
    private static final int COLUMNS = 14;
    private static final int COLUMNS_WITH_HOLDS = 16;
    static final int MAX_ROWS = 100_000;

    /** One parsed row. Times are cut to the log's precision (microseconds; milliseconds for expiries). */
    record Row(int lineNumber, String requestId, Instant occurredAt, FlowType type, String currency, long cashMinor,
               long creditMinor, NodeDelta delta, String holdId, Instant holdExpiresAt) {
    }

    private FlowCsv() {
    }

    static List<Row> parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(1, "the CSV is empty; expected the header " + HEADER);
        }
        String[] lines = text.split("\r?\n", -1);
        String header = lines[0].strip();
        if (!header.equals(HEADER) && !header.equals(HEADER_WITH_HOLDS)) {
            throw invalid(1, "the header must be exactly " + HEADER + " or, with holds, " + HEADER_WITH_HOLDS);
        }
        int columns = header.equals(HEADER) ? COLUMNS : COLUMNS_WITH_HOLDS;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (lines[i].isBlank()) {
                if (i == lines.length - 1) {
                    continue; // the final newline
                }
                throw invalid(lineNumber, "blank line");
            }
            if (rows.size() == MAX_ROWS) {
                throw invalid(lineNumber, "more than " + MAX_ROWS + " rows; split the file");
            }
            rows.add(row(lineNumber, lines[i], columns));
        }
        if (rows.isEmpty()) {
            throw invalid(2, "no rows after the header");
        }
        return rows;
    }

    private static Row row(int lineNumber, String line, int columns) {
        if (line.indexOf('"') >= 0) {
            throw invalid(lineNumber, "quotes are not part of this format");
        }
        String[] f = line.split(",", -1);
        if (f.length != columns) {
            throw invalid(lineNumber, "expected " + columns + " fields, got " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        String requestId;
        try {
            requestId = Requests.requireId(f[0], "request_id");
        } catch (ApiException e) {
            throw invalid(lineNumber, e.detail());
        }
        Instant occurredAt = instant(lineNumber, "occurred_at", f[1]).truncatedTo(ChronoUnit.MICROS);
        FlowType type;
        try {
            type = FlowType.valueOf(f[2]);
        } catch (IllegalArgumentException e) {
            throw invalid(lineNumber, "flow_type '" + f[2] + "' is not one of " + List.of(FlowType.values()));
        }
        long nodeId = number(lineNumber, "node_id", f[3]);
        if (nodeId <= 0) {
            throw invalid(lineNumber, "node_id must be > 0");
        }
        if (!Requests.CURRENCY.matcher(f[4]).matches()) {
            throw invalid(lineNumber, "currency must be an ISO 4217 code, got '" + f[4] + "'");
        }
        long cash = number(lineNumber, "cash_minor", f[5]);
        long credit = number(lineNumber, "credit_minor", f[6]);
        if (cash < 0 || credit < 0) {
            throw invalid(lineNumber, "cash_minor and credit_minor must be >= 0");
        }
        Instant expiry = f[9].isEmpty() ? null : instant(lineNumber, "temporary_expires_at", f[9]).truncatedTo(ChronoUnit.MILLIS);
        NodeDelta delta = new NodeDelta(nodeId, number(lineNumber, "fixed_minor", f[7]),
                number(lineNumber, "temporary_minor", f[8]), expiry, number(lineNumber, "retired_minor", f[10]),
                number(lineNumber, "frozen_minor", f[11]), number(lineNumber, "in_transit_minor", f[12]),
                number(lineNumber, "in_use_minor", f[13]));
        String holdId = columns == COLUMNS || f[14].isEmpty() ? null : holdId(lineNumber, f[14]);
        Instant holdExpiresAt = columns == COLUMNS || f[15].isEmpty() ? null
                : instant(lineNumber, "hold_expires_at", f[15]).truncatedTo(ChronoUnit.MILLIS);
        if (holdId != null && !HistoricalHolds.onHold(type)) {
            throw invalid(lineNumber, "a " + type + " works on no hold; leave hold_id empty");
        }
        if (type == FlowType.FREEZE && holdId != null && !holdId.equals(requestId)) {
            throw invalid(lineNumber, "a FREEZE opens the hold named by its own request id: hold_id must be "
                    + requestId + " or empty");
        }
        if (holdId != null && holdId.equals(requestId) && !HistoricalHolds.opens(type, requestId, holdId)) {
            throw invalid(lineNumber, "a " + type + " works on an earlier hold: its hold_id names that hold's FREEZE or"
                    + " direct USE, not its own request id");
        }
        if (holdExpiresAt != null && (type != FlowType.FREEZE || holdId == null)) {
            throw invalid(lineNumber, "hold_expires_at belongs only on a FREEZE that opens a hold (hold_id = request_id)");
        }
        return new Row(lineNumber, requestId, occurredAt, type, f[4], cash, credit, delta, holdId, holdExpiresAt);
    }

    private static String holdId(int lineNumber, String text) {
        try {
            return Requests.requireId(text, "hold_id");
        } catch (ApiException e) {
            throw invalid(lineNumber, e.detail());
        }
    }

    private static long number(int lineNumber, String column, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(lineNumber, column + " must be a whole number of minor units that fits 64 bits, got '" + text + "'");
        }
    }

    private static Instant instant(int lineNumber, String column, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(lineNumber, column + " must be an ISO-8601 UTC instant like 2024-03-01T08:00:00Z, got '" + text + "'");
        }
    }

    static ApiException invalid(int lineNumber, String detail) {
        return new ApiException(ErrorCode.CSV_ROW_INVALID, "line " + lineNumber + ": " + detail);
    }
}
