package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** What a replay read ({@code flowCount} flows, {@code entryCount} entries, {@code nodeCount} stored nodes) and the differences. */
public record ReplayReport(long flowCount, long entryCount, long nodeCount, List<NodeDifference> differences)
        implements Serializable {
}
