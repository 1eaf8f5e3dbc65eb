package io.creditsuite.credit.domain;

import java.util.List;

/**
 * What one operation will write: a flow of {@code type} with one entry per node, and the hold after it
 * ({@code hold} is null for flows that concern no hold, such as limit maintenance).
 */
public record Plan(FlowType type, long creditMinor, List<NodeDelta> entries, Hold holdBefore, Hold holdAfter) {
    public Plan {
        entries = List.copyOf(entries);
    }
}
