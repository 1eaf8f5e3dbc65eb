package io.creditsuite.credit.domain.lending;

import java.util.Objects;

/** A refused drawdown: the reason, and a detail naming the node or account (at most 500 characters kept). */
public record Refusal(RefusalReason reason, String detail) {
    public static final int DETAIL_MAX = 500;

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
    }
}
