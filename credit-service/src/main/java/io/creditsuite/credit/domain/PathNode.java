package io.creditsuite.credit.domain;

/** A node on a use's path, and whether repayments restore its available limit (revolving, 循环). */
public record PathNode(long nodeId, boolean revolving) {
}
