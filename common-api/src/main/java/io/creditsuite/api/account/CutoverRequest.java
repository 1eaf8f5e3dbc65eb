package io.creditsuite.api.account;

import java.io.Serializable;

/** @param accountingDate the date to close, {@code yyyy-MM-dd}: the accounting date in force */
public record CutoverRequest(String accountingDate) implements Serializable {
}
