package io.creditsuite.api.credit;

import java.io.Serializable;
import java.util.List;

/** The granted line's nodes, the limit-type node first. */
public record GrantLineResult(String requestId, String lineId, List<LimitNodeView> nodes) implements Serializable {
}
