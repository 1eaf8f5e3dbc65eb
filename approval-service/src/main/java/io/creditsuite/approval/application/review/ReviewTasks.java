package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.application.ReviewStep;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The review chain's open tasks (the BPMN process in infrastructure): one open task per application in review, in
 * the candidate group of its stage's role until someone claims it. Calls join the caller's transaction.
 */
public interface ReviewTasks {
    /** @param assignee the user holding it, or null while it waits in the group queue */
    record OpenTask(String taskId, String applicationId, ReviewStep step, String assignee, Instant createdAt) {
    }

    /** A task that was completed: how long it waited in its stage, and who decided it. */
    record FinishedTask(ReviewStep step, Instant createdAt, Instant endedAt, String assignee) {
    }

    /** Tasks completed in {@code [from, to)}, from the engine's history. */
    List<FinishedTask> finishedBetween(Instant from, Instant to);

    /** Opens the chain of an application at {@code step} (first review, or recheck on the fast track). */
    void start(String applicationId, ReviewStep step);

    Optional<OpenTask> task(String taskId);

    Optional<OpenTask> openTaskOf(String applicationId);

    List<OpenTask> assignedTo(String username);

    /** Unclaimed tasks of these stages, oldest first. */
    List<OpenTask> unclaimed(Collection<ReviewStep> steps);

    /** Every open task, claimed or not, oldest first. */
    List<OpenTask> allOpen();

    /** @return false when someone else holds the task (or took it at the same moment) */
    boolean claim(String taskId, String username);

    /** Makes {@code username} a candidate of the task besides its stage's group (an SLA escalation). */
    void addCandidate(String taskId, String username);

    /** A team lead gives the task to {@code username}, whoever held it. */
    void assign(String taskId, String username);

    /** Closes the task; the chain opens {@code next}, or ends when it is empty. */
    void complete(String taskId, Optional<ReviewStep> next);
}
