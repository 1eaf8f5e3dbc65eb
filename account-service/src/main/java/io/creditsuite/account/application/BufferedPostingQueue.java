package io.creditsuite.account.application;

/**
 * Port: the queue of buffered postings (缓冲记账). {@code orderKey} keeps the postings of one
 * account in order (one queue per key); {@link #enqueue} returns once the queue has the posting
 * durably, so an accepted posting is not lost.
 */
public interface BufferedPostingQueue {
    void enqueue(ResolvedPosting command, long orderKey);
}
