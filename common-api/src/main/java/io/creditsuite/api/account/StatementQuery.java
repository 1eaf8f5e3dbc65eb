package io.creditsuite.api.account;

import java.io.Serializable;

/** A page of an account's journal in version order, starting after {@code afterVersion} (0: the first page). */
public record StatementQuery(long accountId, long afterVersion, int pageSize) implements Serializable {
}
