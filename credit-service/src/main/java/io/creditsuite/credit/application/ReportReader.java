package io.creditsuite.credit.application;

import io.creditsuite.api.credit.ReportDimension;
import io.creditsuite.api.credit.ReportRow;
import java.time.Instant;
import java.util.List;

/** The read side of reports: sums of the flow log's entries, grouped. */
public interface ReportReader {
    /** Rows ordered by group key and currency; groups without any flow before {@code to} are left out. */
    List<ReportRow> report(ReportDimension dimension, Instant from, Instant to);
}
