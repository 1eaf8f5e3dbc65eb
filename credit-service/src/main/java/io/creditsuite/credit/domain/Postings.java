package io.creditsuite.credit.domain;

/** The port that writes postings: all entries of a posting, its hold and its flow commit together or not at all. */
public interface Postings {
    PostingResult post(Posting posting);
}
