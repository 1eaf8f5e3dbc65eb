package io.creditsuite.credit.domain;

/**
 * Writes one posting inside the caller's transaction (maintenance, which writes its audit row with it). It
 * takes the same row locks, in the same order, as the group-committing {@link Postings}.
 */
public interface PostingsInTransaction {
    PostingResult postHere(Posting posting);
}
