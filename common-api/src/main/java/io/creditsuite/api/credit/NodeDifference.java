package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** A node whose stored balances are not what its flows give; only the differing fields are listed. */
public record NodeDifference(long nodeId, String lineId, List<FieldDifference> fields) implements Serializable {
}
