package io.creditsuite.api.credit;

import java.io.Serializable;

/** The period {@code [from, to)} in epoch millis ({@code from <= to}) and the grouping. */
public record ReportQuery(long fromEpochMillis, long toEpochMillis, ReportDimension dimension) implements Serializable {
}
