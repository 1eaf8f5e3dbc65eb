package io.creditsuite.credit.domain;

/**
 * Writes one change inside the caller's transaction (maintenance, which writes its audit row with it). It
 * takes the same row locks, in the same order, as the group-committing {@link LimitChanges}.
 */
public interface LimitChangesInTransaction {
    LimitChangeResult applyHere(LimitChange change);
}
