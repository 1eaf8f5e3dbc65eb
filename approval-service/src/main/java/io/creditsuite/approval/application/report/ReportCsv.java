package io.creditsuite.approval.application.report;

import io.creditsuite.api.approval.BacklogRow;
import io.creditsuite.api.approval.ThroughputRow;
import io.creditsuite.api.approval.TimelinessRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reports as CSV (RFC 4180: CRLF lines, a field with a comma, quote or line break quoted, quotes doubled). A
 * text field starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String throughput(List<ThroughputRow> rows) {
        return lines("day,reviewer,stage,approved,rejected,sent_back,decisions", rows.stream().map(r -> Stream.of(
                r.day(), text(r.reviewer()), r.stage().name(), r.approved(), r.rejected(), r.sentBack(),
                r.decisions())));
    }

    static String timeliness(List<TimelinessRow> rows) {
        return lines("stage,finished,p50_seconds,p90_seconds,met_sla,sla_met_percent", rows.stream().map(r ->
                Stream.of(r.stage().name(), r.finished(), r.p50Seconds(), r.p90Seconds(), r.metSla(),
                        BigDecimal.valueOf(r.slaMetBasisPoints(), 2).toPlainString())));
    }

    static String backlog(List<BacklogRow> rows) {
        return lines("stage,under_1h,1h_to_4h,4h_to_8h,8h_to_24h,over_24h,open", rows.stream().map(r -> Stream.of(
                r.stage().name(), r.under1h(), r.from1hTo4h(), r.from4hTo8h(), r.from8hTo24h(), r.over24h(),
                r.open())));
    }

    static String text(String value) {
        String safe = value == null ? "" : value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String lines(String header, Stream<Stream<Object>> rows) {
        return Stream.concat(Stream.of(header), rows.map(r -> r.map(String::valueOf)
                .collect(Collectors.joining(",")))).collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
