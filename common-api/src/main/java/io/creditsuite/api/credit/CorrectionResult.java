package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** The nodes the correction changed (a named node that already agreed with its flows is not listed). */
public record CorrectionResult(String requestId, List<NodeDifference> corrected) implements Serializable {
}
