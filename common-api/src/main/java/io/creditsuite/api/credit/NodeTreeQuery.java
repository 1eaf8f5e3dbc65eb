package io.creditsuite.api.credit;

import java.io.Serializable;

/** The nodes, with balances, of every line selected by {@code scope} = {@code key}. */
public record NodeTreeQuery(NodeScope scope, String key) implements Serializable {
}
