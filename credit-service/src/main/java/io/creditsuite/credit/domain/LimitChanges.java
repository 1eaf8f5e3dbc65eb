package io.creditsuite.credit.domain;

/** The port that writes changes: all entries of a change, its hold and its flow commit together or not at all. */
public interface LimitChanges {
    LimitChangeResult apply(LimitChange change);
}
